namespace HetInitiatief.Coalitions;

public static class LeaveCoalitionEndpoint
{
    /// <summary>
    /// Leaving is always possible. The threshold milestone, once reached, stays reached. When the
    /// initiator leaves, the coalition is left without one until a partner takes it on.
    /// </summary>
    public static Decision Decide(Coalition coalition, Guid memberId, DateTimeOffset now) =>
        coalition.Members.TryGetValue(memberId, out var position)
            ? Decision.Accept(new MemberLeftCoalition(coalition.Id, memberId, position, now))
            : Decision.Accept();

    [EndpointSummary("Leave a coalition. Leaving one you are not in changes nothing and says so.")]
    [Members.AllowUnconfirmed]
    [WolverineDelete("/api/coalitions/{id}/members/me")]
    [Refuses(404)]
    public static async Task<Answer<CoalitionWritten>> Delete(
        Guid id, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await LeaveAsync(id, user.MemberId(), store, clock.GetUtcNow(), ct);
        return outcome.Answer();
    }

    public static async Task<Outcome<CoalitionWritten>> LeaveAsync(Guid coalitionId, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        return (await EventStreams.DecideAsync<Coalition>(store, coalitionId, null,
                c => Decide(c, memberId, now), CoalitionRules.NotFound, ct))
            .Map(written => new CoalitionWritten(coalitionId, written.Version, written.Changed,
                written.Changed ? null : "Je deed niet mee met deze coalitie; er is niets veranderd."));
    }
}
