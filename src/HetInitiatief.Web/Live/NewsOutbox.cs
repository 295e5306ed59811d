using JasperFx.Events;
using Marten.Events.Daemon.Internals;
using Marten.Events.Projections;
using Marten.Services;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Runtime;

namespace HetInitiatief.Live;

/// <summary>
/// The news in a commit — what members must be told (notifications, invitations, matches) — stored in Wolverine's
/// durable outbox inside the commit's own transaction, so it exists exactly when the events do: a crash or a database
/// restart between the commit and the hand-over cannot lose it, and Wolverine delivers it once the transaction has
/// committed (or, after a crash, when the app starts again). Each feature says what news it makes
/// (<see cref="INewsMapper"/>, registered with <c>services.AddNews(…)</c>, see <see cref="Reactions"/>) and which
/// deadlines its events set (<see cref="Due"/>, <c>services.AddDeadlines(…)</c>): this is the one place a write meets
/// Wolverine's outbox, enrolled in every committing session, so no use case has to remember it.
/// Registered after every feature's projections (<see cref="LiveModule.AddLive"/> comes last), so what the mappers read
/// of them (a coalition's meter, an offer) already holds this commit's state.
/// </summary>
public sealed class NewsOutbox(IServiceProvider services) : IProjection
{
    private readonly Lazy<INewsMapper[]> _mappers = new(() => services.GetServices<INewsMapper>().ToArray());

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        if (operations is not IDocumentSession session)
            throw new InvalidOperationException(
                "News can only leave through the outbox of the session that commits it.");
        // A rebuild (`projections rebuild`) replays events whose news went out when they were first written; telling it
        // again would repeat every notification and put every deadline back on the schedule.
        if (session.PendingChanges is ProjectionUpdateBatch) return;
        var pending = (IChangeSet)session.PendingChanges;
        var commit = new Commit(events, pending.Updated.Concat(pending.Inserted).ToList());
        var news = _mappers.Value.SelectMany(mapper => mapper.NewsIn(commit)).ToList();
        if (news.Count == 0) return;
        var outbox = new MartenOutbox(services.GetRequiredService<IWolverineRuntime>(), session);
        foreach (var message in news)
        {
            if (message is Due due) await outbox.ScheduleAsync(due.Message, due.At);
            else await outbox.PublishAsync(message);
        }
    }
}
