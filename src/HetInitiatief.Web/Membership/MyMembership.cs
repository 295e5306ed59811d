using System.Security.Claims;
using HetInitiatief.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace HetInitiatief.Membership;

public static class MyMembershipEndpoint
{
    [Tags("Membership")]
    [EndpointSummary("My tier today (free, earlyBird or paid), since and until when, and what it entitles me to.")]
    [ProducesResponseType(typeof(MembershipStatus), 200)]
    [ProducesResponseType(typeof(HttpValidationProblemDetails), 404, "application/problem+json")]
    [WolverineGet("/api/me/membership")]
    public static async Task<IResult> Get(ClaimsPrincipal user, IQuerySession session, TierSettings tiers, TimeProvider clock, CancellationToken ct) =>
        await Tiers.LoadAsync(session, user.MemberId(), clock.GetUtcNow(), tiers, ct) is { } status
            ? Results.Ok(status)
            : Problem.NotFound("Dit account bestaat niet meer.").ToResult();
}
