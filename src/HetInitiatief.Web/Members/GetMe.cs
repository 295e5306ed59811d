using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using HetInitiatief.Infrastructure;
using Marten;
using Wolverine.Http;

namespace HetInitiatief.Members;

public static class GetMeEndpoint
{
    [Tags("Members")]
    [EndpointSummary("The signed-in member's profile.")]
    [ProducesResponseType(typeof(MemberProfile), 200)]
    [ProducesResponseType(typeof(HttpValidationProblemDetails), 401, "application/problem+json")]
    [ProducesResponseType(typeof(HttpValidationProblemDetails), 404, "application/problem+json")]
    [WolverineGet("/api/me")]
    public static async Task<IResult> Get(ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var member = await session.LoadAsync<MemberProfile>(user.MemberId(), ct);
        return member is null ? Problem.NotFound("Dit account bestaat niet meer.").ToResult() : Results.Ok(member);
    }
}
