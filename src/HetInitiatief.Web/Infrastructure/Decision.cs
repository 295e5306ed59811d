namespace HetInitiatief.Infrastructure;

/// <summary>
/// What a pure decision returns: the events to append, or the reason it refused. What the events set in motion —
/// news, deadlines, pushes — each feature derives from the events themselves (<see cref="Live.Reactions"/>).
/// </summary>
public sealed record Decision(IReadOnlyList<object> Events, Problem? Refusal)
{
    public static Decision Accept(params object[] events) => new(events, null);

    public static implicit operator Decision(Problem refusal) => new([], refusal);
}

/// <summary>
/// What a pure decision on two streams returns: each event with the stream it goes to, in the order decided, or
/// the reason it refused. The decision says where an event belongs when it makes it, so nothing sorts them later.
/// </summary>
public sealed record TwoStreamDecision(IReadOnlyList<(object Event, bool OnFirst)> Decided, Problem? Refusal)
{
    public static readonly TwoStreamDecision Nothing = new([], null);

    /// <summary>Every event in the order decided, whichever stream it goes to.</summary>
    public IReadOnlyList<object> Events => [.. Decided.Select(d => d.Event)];

    public IReadOnlyList<object> First => [.. Decided.Where(d => d.OnFirst).Select(d => d.Event)];

    public IReadOnlyList<object> Second => [.. Decided.Where(d => !d.OnFirst).Select(d => d.Event)];

    public TwoStreamDecision OnFirst(object e) => this with { Decided = [.. Decided, (e, true)] };

    public TwoStreamDecision OnSecond(object e) => this with { Decided = [.. Decided, (e, false)] };

    public static implicit operator TwoStreamDecision(Problem refusal) => new([], refusal);
}
