using HetInitiatief.Members;
using HetInitiatief.Questions;

namespace HetInitiatief.Coalitions;

/// <summary>A school leader backs a coalition that members of their own school take part in.</summary>
public sealed record CoalitionEndorsed(Guid CoalitionId, Guid EndorsedBy, string School, DateTimeOffset EndorsedAt);

public sealed record CoalitionEndorsementWithdrawn(Guid CoalitionId, Guid WithdrawnBy, DateTimeOffset WithdrawnAt);

public static class EndorseCoalitionEndpoints
{
    public static Decision Decide(Coalition coalition, IReadOnlyList<MemberProfile> members, MemberProfile? leader, bool endorse, DateTimeOffset now)
    {
        if (endorse && coalition.IsClosed) return Problem.Conflict("Deze coalitie is gesloten.");
        return Endorsements.Decide(leader, members.Where(m => coalition.Members.ContainsKey(m.Id)), coalition.Endorsers, endorse,
            l => new CoalitionEndorsed(coalition.Id, l.Id, l.School.Trim(), now),
            l => new CoalitionEndorsementWithdrawn(coalition.Id, l.Id, now));
    }

    [EndpointSummary("As a school leader, back a coalition that members of your own school take part in. Twice changes nothing.")]
    [WolverinePost("/api/coalitions/{id}/endorsements")]
    [Refuses(403, 404, 409)]
    public static async Task<Answer<CoalitionWritten>> Endorse(
        Guid id, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await EndorseAsync(id, user.MemberId(), endorse: true, store, clock.GetUtcNow(), ct)).Answer();

    [EndpointSummary("Withdraw your backing of a coalition.")]
    [Members.AllowUnconfirmed]
    [WolverineDelete("/api/coalitions/{id}/endorsements/me")]
    [Refuses(403, 404)]
    public static async Task<Answer<CoalitionWritten>> Withdraw(
        Guid id, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await EndorseAsync(id, user.MemberId(), endorse: false, store, clock.GetUtcNow(), ct)).Answer();

    public static async Task<Outcome<CoalitionWritten>> EndorseAsync(Guid id, Guid leaderId, bool endorse, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var leader = await query.LoadAsync<MemberProfile>(leaderId, ct);
        var memberIds = (await query.LoadAsync<CoalitionDetails>(id, ct))?.Members.Select(m => m.MemberId).ToArray() ?? [];
        var members = memberIds.Length == 0 ? [] : await query.LoadManyAsync<MemberProfile>(ct, memberIds);
        return (await EventStreams.DecideAsync<Coalition>(store, id, null, c => Decide(c, members, leader, endorse, now), CoalitionRules.NotFound, ct))
            .Map(written => new CoalitionWritten(id, written.Version, written.Changed, null));
    }
}
