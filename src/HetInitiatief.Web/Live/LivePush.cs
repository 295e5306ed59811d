using Microsoft.AspNetCore.SignalR;

namespace HetInitiatief.Live;

/// <summary>
/// One push to the watchers on <see cref="LiveHub"/>: the client method, the small message it receives, and the groups
/// that get it. Features build these from a commit (<see cref="IPushMapper"/>); a push about one stream names the
/// stream and the version it shows, so an older one that arrives late is never sent after a newer one.
/// </summary>
public sealed record LivePush(string Method, object Message, IReadOnlyList<string> Groups, StreamVersion? Order = null)
{
    /// <summary>A push that shows a stream as it stood at <paramref name="version"/>.</summary>
    public static LivePush Of(string method, object message, Guid stream, long version, params string[] groups) =>
        new(method, message, groups, new StreamVersion(stream, version));

    /// <summary>A push that only says "look again", with no state of its own to be out of date.</summary>
    public static LivePush Of(string method, object message, params string[] groups) => new(method, message, groups);
}

public sealed record StreamVersion(Guid StreamId, long Version);

/// <summary>
/// The newest version pushed per stream, so pushes keep commit order. Writes to one stream are serialised by its lock,
/// but the after-commit listeners of two commits run side by side, so the push of version 82 can reach the queue after
/// the push of 83 (an outside client saw a meter go 82 → 81). Every ordered push carries its stream's whole state at
/// its version (a meter, seat counts, "look again"), so the newest one sent is all a watcher needs: a late, older push
/// is dropped, not held back and reordered. Reordering would need to know which versions are still to come, and most
/// versions make no push (events nobody watches, a commit whose listener failed), so it could only wait and guess.
/// Memory stays bounded: beyond <see cref="Capacity"/> streams the one pushed least recently is forgotten. A late push
/// trails its successor by the milliseconds between two listeners, not by thousands of other streams' pushes.
/// </summary>
public sealed class PushOrder
{
    public const int Capacity = 10_000;

    private readonly Dictionary<Guid, LinkedListNode<StreamVersion>> _newest = [];
    private readonly LinkedList<StreamVersion> _leastRecentFirst = new();
    private readonly Lock _gate = new();

    /// <summary>True, and remembered, when <paramref name="at"/> is newer than anything sent for its stream.</summary>
    public bool Advance(StreamVersion at)
    {
        lock (_gate)
        {
            if (_newest.TryGetValue(at.StreamId, out var known))
            {
                if (at.Version <= known.Value.Version) return false;
                _leastRecentFirst.Remove(known);
            }
            _newest[at.StreamId] = _leastRecentFirst.AddLast(at);
            if (_newest.Count > Capacity)
            {
                _newest.Remove(_leastRecentFirst.First!.Value.StreamId);
                _leastRecentFirst.RemoveFirst();
            }
            return true;
        }
    }
}

/// <summary>
/// The one handler of the sequential <see cref="LiveModule.OrderedPushQueue"/>: sends a push unless a newer one already went. Its span joins the
/// trace of the write that made the push (Wolverine carries the trace through the queue), so an operator sees the
/// request, its commit and what watchers were sent as one trace.
/// </summary>
public static class LivePushHandler
{
    public static async Task Handle(LivePush push, PushOrder order, IHubContext<LiveHub> hub, CancellationToken ct)
    {
        // Checked first so that, with telemetry off, a push does not even build the span's name.
        using var span = Telemetry.Source.HasListeners() ? Telemetry.Source.StartActivity($"live push {push.Method}") : null;
        span?.SetTag("live.method", push.Method);
        span?.SetTag("live.groups", string.Join(",", push.Groups));
        if (push.Order is { } at && !order.Advance(at))
        {
            span?.SetTag("live.skipped", "a newer version of the stream was already pushed");
            return;
        }
        await hub.Clients.Groups(push.Groups).SendAsync(push.Method, push.Message, ct);
    }
}
