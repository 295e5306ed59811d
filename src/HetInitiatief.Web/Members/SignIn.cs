using Microsoft.AspNetCore.Mvc;
using HetInitiatief.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Wolverine.Http;

namespace HetInitiatief.Members;

public sealed record SignIn(string? Email, string? Password);

public static class SignInEndpoints
{
    public static Problem? CheckFields(SignIn command) =>
        new FieldRules()
            .Text("email", command.Email, "je e-mailadres", 254)
            .Text("password", command.Password, "je wachtwoord", 128)
            .Problem;

    /// <summary>A bearer token for API clients.</summary>
    [AllowAnonymous]
    [Tags("Members")]
    [EndpointSummary("Sign in and get a bearer token for API clients and the live hub.")]
    [ProducesResponseType(typeof(Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse), 200)]
    [ProducesResponseType(typeof(HttpValidationProblemDetails), 400, "application/problem+json")]
    [ProducesResponseType(typeof(HttpValidationProblemDetails), 401, "application/problem+json")]
    [WolverinePost("/api/auth/token")]
    public static async Task<IResult> Token(SignIn command, IQuerySession session, IPasswordHasher<MemberLogin> hasher, CancellationToken ct)
    {
        var outcome = await VerifyAsync(command, session, hasher, ct);
        return outcome.Problem?.ToResult() ?? Results.SignIn(Authentication.Principal(outcome.Value!, Authentication.Bearer), authenticationScheme: Authentication.Bearer);
    }

    /// <summary>The web app's cookie, for script clients of the same site.</summary>
    [AllowAnonymous]
    [Tags("Members")]
    [EndpointSummary("Sign in with the web app's cookie.")]
    [ProducesResponseType(204)]
    [ProducesResponseType(typeof(HttpValidationProblemDetails), 400, "application/problem+json")]
    [ProducesResponseType(typeof(HttpValidationProblemDetails), 401, "application/problem+json")]
    [WolverinePost("/api/auth/sign-in")]
    public static async Task<IResult> CookieSignIn(SignIn command, HttpContext context, IQuerySession session, IPasswordHasher<MemberLogin> hasher, CancellationToken ct)
    {
        var outcome = await VerifyAsync(command, session, hasher, ct);
        if (outcome.Problem is { } problem) return problem.ToResult();
        await context.SignInAsync(Authentication.Cookie, Authentication.Principal(outcome.Value!, Authentication.Cookie));
        return Results.NoContent();
    }

    [AllowAnonymous]
    [Tags("Members")]
    [EndpointSummary("Sign out of the web app (clears the cookie).")]
    [ProducesResponseType(204)]
    [WolverinePost("/api/auth/sign-out")]
    public static async Task<IResult> CookieSignOut(HttpContext context)
    {
        await context.SignOutAsync(Authentication.Cookie);
        return Results.NoContent();
    }

    public static async Task<Outcome<MemberProfile>> VerifyAsync(SignIn command, IQuerySession session, IPasswordHasher<MemberLogin> hasher, CancellationToken ct)
    {
        if (CheckFields(command) is { } invalid) return invalid;

        var login = await session.LoadAsync<MemberLogin>(MemberLogin.Normalise(command.Email!), ct);
        var verified = login is not null && hasher.VerifyHashedPassword(login, login.PasswordHash, command.Password!) != PasswordVerificationResult.Failed;
        var member = verified ? await session.LoadAsync<MemberProfile>(login!.MemberId, ct) : null;
        // One answer for an unknown address and a wrong password, so sign-in does not reveal who is a member.
        return member is null ? Problem.Unauthorized("Dit e-mailadres en wachtwoord horen niet bij elkaar.") : member;
    }
}
