using System.Security.Claims;
using HetInitiatief.Infrastructure;
using Marten;
using Wolverine.Http;

namespace HetInitiatief.Members;

public static class GetMeEndpoint
{
    [WolverineGet("/api/me")]
    public static async Task<IResult> Get(ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var member = await session.LoadAsync<MemberProfile>(user.MemberId(), ct);
        return member is null ? Problem.NotFound("Dit account bestaat niet meer.").ToResult() : Results.Ok(member);
    }
}
