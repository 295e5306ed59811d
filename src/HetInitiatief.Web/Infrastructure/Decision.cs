namespace HetInitiatief.Infrastructure;

/// <summary>
/// What a pure decision returns: the events to append and the messages to schedule with them, or the
/// reason it refused. Scheduled messages are stored in the same transaction as the events.
/// </summary>
public sealed record Decision(IReadOnlyList<object> Events, Problem? Refusal)
{
    public IReadOnlyList<(object Message, DateTimeOffset At)> Scheduled { get; init; } = [];

    public static Decision Accept(params object[] events) => new(events, null);

    public Decision Schedule(IEnumerable<(object Message, DateTimeOffset At)> messages) => this with { Scheduled = [.. Scheduled, .. messages] };

    public static implicit operator Decision(Problem refusal) => new([], refusal);
}
