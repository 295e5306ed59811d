using Marten.Services;
using Wolverine;
using Wolverine.Runtime;

namespace HetInitiatief.Live;

/// <summary>
/// Hands every commit's live pushes to Wolverine, right after the commit: no polling, so watchers see a change within
/// milliseconds. Each feature says what it pushes (<see cref="IPushMapper"/>); this only asks them all. Runs after the
/// transaction, so a failing push can never undo or fail the write; a push lost in a crash costs a watcher a refresh,
/// nothing more. Listeners of two commits run side by side, so pushes may reach the queue out of commit order; the
/// queue's handler keeps them in order per stream (<see cref="PushOrder"/>). What members must be told (news) does not
/// go this way but through <see cref="NewsOutbox"/>, inside the transaction.
/// </summary>
public sealed class ChangeForwarder(IServiceProvider services, ILogger<ChangeForwarder> logger)
    : DocumentSessionListenerBase
{
    private readonly Lazy<IPushMapper[]> _mappers = new(() => services.GetServices<IPushMapper>().ToArray());

    public override async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var pushes = new List<object>();
        try
        {
            var events = commit.GetEvents().ToList();
            if (events.Count == 0) return;
            var written = new Commit(events, commit.Updated.Concat(commit.Inserted).ToList());
            foreach (var mapper in _mappers.Value) pushes.AddRange(mapper.PushesFor(written));
            if (pushes.Count == 0) return;

            var bus = new MessageBus(services.GetRequiredService<IWolverineRuntime>());
            foreach (var push in pushes) await bus.PublishAsync(push);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not hand {Count} changes to the live push", pushes.Count);
        }
    }
}
