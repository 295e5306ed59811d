namespace HetInitiatief.Coalitions;

/// <summary>Joining is voluntary and needs nobody's approval; a member says how they are involved and what they bring.</summary>
public sealed record JoinCoalition(string? Position, string? Contribution);

public static class JoinCoalitionEndpoint
{
    public static Problem? CheckFields(JoinCoalition command) =>
        new FieldRules()
            .Check(command.Position is null || Positions.Joinable.ContainsKey(command.Position), "position", Positions.Unknown)
            .Text("contribution", command.Contribution, "wat je meebrengt of waarom je dit wilt", CoalitionRules.ContributionMax, min: 3)
            .Problem;

    public static Decision Decide(Coalition coalition, JoinCoalition command, Guid memberId, DateTimeOffset now)
    {
        if ((CheckFields(command) ?? CoalitionRules.MustBeOpen(coalition)) is { } refused) return refused;
        if (coalition.Members.ContainsKey(memberId)) return Decision.Accept();

        var position = command.Position ?? Positions.Partner;
        return coalition.Accept(new MemberJoinedCoalition(coalition.Id, memberId, position, command.Contribution!.Trim(), now), null, position, now);
    }

    [EndpointSummary("Join a coalition as partner (default), supplier, link or user. Joining again changes nothing and says so (200).")]
    [WolverinePost("/api/coalitions/{id}/members")]
    [Refuses(400, 404, 409)]
    public static async Task<Added<CoalitionWritten>> Post(
        Guid id, JoinCoalition command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var outcome = await JoinAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct);
        return outcome.Added($"/api/coalitions/{id}/members/me", written => written.Changed);
    }

    public static async Task<Outcome<CoalitionWritten>> JoinAsync(
        Guid coalitionId, JoinCoalition command, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        if (CheckFields(command) is { } invalid) return invalid;
        return (await EventStreams.DecideAsync<Coalition>(store, coalitionId, null,
                c => Decide(c, command, memberId, now), CoalitionRules.NotFound, ct))
            .Map(written => new CoalitionWritten(coalitionId, written.Version, written.Changed,
                written.Changed ? null : "Je doet al mee met deze coalitie; er is niets veranderd."));
    }
}
