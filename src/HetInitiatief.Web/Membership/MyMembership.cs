namespace HetInitiatief.Membership;

public static class MyMembershipEndpoint
{
    [EndpointSummary("My tier today (free, earlyBird or paid), since and until when, and what it entitles me to.")]
    [WolverineGet("/api/me/membership")]
    [Refuses(404)]
    public static async Task<Answer<MembershipStatus>> Get(
        ClaimsPrincipal user, IQuerySession session, TierSettings tiers, TimeProvider clock, CancellationToken ct) =>
        await Tiers.LoadAsync(session, user.MemberId(), clock.GetUtcNow(), tiers, ct) is { } status
            ? status
            : Problem.NotFound("Dit account bestaat niet meer.");
}
