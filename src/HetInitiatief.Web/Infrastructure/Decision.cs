namespace HetInitiatief.Infrastructure;

/// <summary>What a pure decision returns: the events to append, or the reason it refused.</summary>
public sealed record Decision(IReadOnlyList<object> Events, Problem? Refusal)
{
    public static Decision Accept(params object[] events) => new(events, null);

    public static implicit operator Decision(Problem refusal) => new([], refusal);
}
