using HetInitiatief.Members;

namespace HetInitiatief.Membership;

public static class ListMembershipsEndpoint
{
    [EndpointSummary("Every paid membership, newest first (admin only).")]
    [WolverineGet("/api/memberships")]
    [Refuses(403)]
    public static async Task<Answer<List<MembershipView>>> Get(
        ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await ListAsync(user.MemberId(), session, clock.GetUtcNow(), ct);
        return outcome.Answer();
    }

    public static async Task<Outcome<List<MembershipView>>> ListAsync(Guid adminId, IQuerySession session, DateTimeOffset now, CancellationToken ct)
    {
        var admin = await session.LoadAsync<MemberProfile>(adminId, ct);
        if (MembershipAdmin.MustBeAdmin(admin, "de lidmaatschappen inzien") is { } refused) return refused;
        var memberships = await session.Query<PaidMembership>().OrderByDescending(m => m.RecordedAt).Take(500).ToListAsync(ct);
        return await MembershipView.ListAsync(session, memberships, Tiers.Today(now), ct);
    }
}
