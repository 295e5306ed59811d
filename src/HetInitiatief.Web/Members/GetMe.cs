namespace HetInitiatief.Members;

public static class GetMeEndpoint
{
    [EndpointSummary("The signed-in member's profile.")]
    [WolverineGet("/api/me")]
    [Refuses(404)]
    public static async Task<Answer<MemberProfile>> Get(
        ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var member = await session.LoadAsync<MemberProfile>(user.MemberId(), ct);
        return member is null ? Problem.NotFound("Dit account bestaat niet meer.") : member;
    }
}
