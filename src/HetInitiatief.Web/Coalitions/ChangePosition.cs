namespace HetInitiatief.Coalitions;

public sealed record ChangePosition(string? Position);

public static class ChangePositionEndpoint
{
    public static Decision Decide(Coalition coalition, ChangePosition command, Guid memberId, DateTimeOffset now)
    {
        if (command.Position is null || !Positions.Joinable.ContainsKey(command.Position)) return Problem.Invalid("position", Positions.Unknown);
        if (MayChange(coalition, memberId) is { } refused) return refused;
        var current = coalition.Members[memberId];
        if (current == command.Position) return Decision.Accept();

        return coalition.Accept(new CoalitionPositionChanged(coalition.Id, memberId, command.Position, now), current, command.Position, now);
    }

    /// <summary>A member of an open coalition changes position; the initiator hands over first. </summary>
    public static Problem? MayChange(Coalition coalition, Guid memberId) =>
        CoalitionRules.MustBeOpen(coalition)
        ?? (!coalition.Members.TryGetValue(memberId, out var current)
            ? Problem.Conflict("Je doet niet mee met deze coalitie. Doe eerst mee.")
            : current == Positions.Initiator
                ? Problem.Conflict(
                    "Je bent de initiatiefnemer. Draag het initiatief eerst over aan een partner.", "position")
                : null);

    [EndpointSummary("Change how you are involved: partner, supplier, link or user.")]
    [WolverinePut("/api/coalitions/{id}/members/me/position")]
    [Refuses(400, 404, 409)]
    public static async Task<Answer<CoalitionWritten>> Put(
        Guid id, ChangePosition command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var outcome = await ChangeAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct);
        return outcome.Answer();
    }

    public static async Task<Outcome<CoalitionWritten>> ChangeAsync(Guid coalitionId, ChangePosition command, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        return (await EventStreams.DecideAsync<Coalition>(store, coalitionId, null,
                c => Decide(c, command, memberId, now), CoalitionRules.NotFound, ct))
            .Map(written => new CoalitionWritten(coalitionId, written.Version, written.Changed));
    }
}
