using JasperFx.Events;
using Wolverine;

namespace HetInitiatief.Live;

/// <summary>
/// What one commit wrote: its events, and the read models its inline projections wrote in the same transaction
/// (so a push or a news message can carry a coalition's meter or an offer's title as this commit left them).
/// </summary>
public sealed class Commit(IReadOnlyList<IEvent> events, IReadOnlyList<object> documents)
{
    public IReadOnlyList<IEvent> Events => events;

    /// <summary>The read models of one type this commit wrote, by id.</summary>
    public IReadOnlyDictionary<Guid, T> Written<T>(Func<T, Guid> id)
    {
        var written = new Dictionary<Guid, T>();
        foreach (var document in documents.OfType<T>()) written[id(document)] = document;
        return written;
    }

    /// <summary>
    /// Each event paired with its stream's read model of type <typeparamref name="T"/> as this commit left it, so a push
    /// or news message shows the state after the event; events of streams without such a model written are left out.
    /// </summary>
    public IEnumerable<(IEvent Event, T Document)> EventsWith<T>(Func<T, Guid> id) where T : class
    {
        var written = Written(id);
        return from e in events
            let document = written.GetValueOrDefault(e.StreamId)
            where document is not null
            select (e, document);
    }
}

/// <summary>
/// A feature's live pushes for a commit: <see cref="LivePush"/>es, or messages of its own that it routes to the
/// sequential <see cref="LiveModule.PushQueue"/>. Run after the commit (<see cref="ChangeForwarder"/>).
/// </summary>
public interface IPushMapper
{
    IEnumerable<object> PushesFor(Commit commit);
}

/// <summary>A feature's news for a commit: what members must be told; stored with it (<see cref="NewsOutbox"/>).</summary>
public interface INewsMapper
{
    IEnumerable<object> NewsIn(Commit commit);
}

/// <summary>
/// A message a commit makes due later — a closing date, a go/no-go — stored with the commit's events like news, so a
/// deadline exists exactly when the fact that set it does. What handles it checks it is still due: a deadline moved
/// since finds the date changed and does nothing, so a feature may schedule freely.
/// </summary>
public sealed record Due(object Message, DateTimeOffset At);

/// <summary>How a feature registers what it reacts to a commit with.</summary>
public static class Reactions
{
    public static IServiceCollection AddPushes<T>(this IServiceCollection services) where T : class, IPushMapper =>
        services.AddSingleton<IPushMapper, T>();

    /// <summary>News that one event makes on its own, for a durable queue (the notifications' by default).</summary>
    public static IServiceCollection AddNews<T>(this IServiceCollection services, Func<IEvent, T?> fromEvent,
        string queue = LiveModule.NotificationQueue) where T : class =>
        services.AddNews((Commit commit) => commit.Events.Select(fromEvent), queue);

    /// <summary>News that needs what the commit's projections wrote beside its events.</summary>
    public static IServiceCollection AddNews<T>(
        this IServiceCollection services, Func<Commit, IEnumerable<T?>> fromCommit,
        string queue = LiveModule.NotificationQueue) where T : class
    {
        services.AddSingleton<INewsMapper>(new NewsMapper<T>(fromCommit));
        // A news type reaches exactly the queue it was registered with, so it cannot be forgotten nor handled twice.
        return services.ConfigureWolverine(options => options.PublishMessage<T>().ToLocalQueue(queue));
    }

    /// <summary>
    /// Deadlines that events set (the feature routes each deadline message to <see cref="LiveModule.DeadlineQueue"/>).
    /// They leave through the same outbox as news (<see cref="NewsOutbox"/>), so no use case passes an outbox around.
    /// </summary>
    public static IServiceCollection AddDeadlines(
        this IServiceCollection services, Func<IEvent, IEnumerable<Due>> fromEvent) =>
        services.AddSingleton<INewsMapper>(new NewsMapper<Due>(commit => commit.Events.SelectMany(fromEvent)));

    private sealed class NewsMapper<T>(Func<Commit, IEnumerable<T?>> fromCommit) : INewsMapper where T : class
    {
        public IEnumerable<object> NewsIn(Commit commit) => fromCommit(commit).OfType<T>();
    }
}
