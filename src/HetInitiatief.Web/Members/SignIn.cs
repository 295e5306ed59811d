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
    [ProducesResponseType(typeof(HttpValidationProblemDetails), 429, "application/problem+json")]
    [AllowUnconfirmed]
    [WolverinePost("/api/auth/token")]
    public static async Task<IResult> Token(
        SignIn command, IDocumentStore store, IPasswordHasher<MemberLogin> hasher, SessionStamps stamps, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await VerifyAsync(command, store, hasher, clock.GetUtcNow(), ct);
        if (outcome.Problem is { } problem) return problem.ToResult();
        return Results.SignIn(await stamps.PrincipalAsync(outcome.Value!, Authentication.Bearer, ct), authenticationScheme: Authentication.Bearer);
    }

    /// <summary>The web app's cookie, for script clients of the same site.</summary>
    [AllowAnonymous]
    [Tags("Members")]
    [EndpointSummary("Sign in with the web app's cookie.")]
    [ProducesResponseType(204)]
    [ProducesResponseType(typeof(HttpValidationProblemDetails), 400, "application/problem+json")]
    [ProducesResponseType(typeof(HttpValidationProblemDetails), 401, "application/problem+json")]
    [ProducesResponseType(typeof(HttpValidationProblemDetails), 429, "application/problem+json")]
    [AllowUnconfirmed]
    [WolverinePost("/api/auth/sign-in")]
    public static async Task<IResult> CookieSignIn(
        SignIn command, HttpContext context, IDocumentStore store, IPasswordHasher<MemberLogin> hasher, SessionStamps stamps, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await VerifyAsync(command, store, hasher, clock.GetUtcNow(), ct);
        if (outcome.Problem is { } problem) return problem.ToResult();
        await context.SignInAsync(Authentication.Cookie, await stamps.PrincipalAsync(outcome.Value!, Authentication.Cookie, ct));
        return Results.NoContent();
    }

    [AllowAnonymous]
    [Tags("Members")]
    [EndpointSummary("Sign out of the web app (clears the cookie).")]
    [ProducesResponseType(204)]
    [AllowUnconfirmed]
    [WolverinePost("/api/auth/sign-out")]
    public static async Task<IResult> CookieSignOut(HttpContext context)
    {
        await context.SignOutAsync(Authentication.Cookie);
        return Results.NoContent();
    }

    public static async Task<Outcome<MemberProfile>> VerifyAsync(SignIn command, IDocumentStore store, IPasswordHasher<MemberLogin> hasher, DateTimeOffset now, CancellationToken ct)
    {
        if (CheckFields(command) is { } invalid) return invalid;

        var email = MemberLogin.Normalise(command.Email!);
        await using var session = store.LightweightSession();
        var attempts = await session.LoadAsync<SignInAttempts>(email, ct) ?? new SignInAttempts(email, []);
        if (attempts.LockedUntil(now) is { } until)
            return Problem.TooManyRequests($"Te vaak een verkeerd wachtwoord. Probeer het na {Shared.Display.Local(until):HH:mm} opnieuw.");

        var login = await session.LoadAsync<MemberLogin>(email, ct);
        var verified = login is not null && hasher.VerifyHashedPassword(login, login.PasswordHash, command.Password!) != PasswordVerificationResult.Failed;
        var member = verified ? await session.LoadAsync<MemberProfile>(login!.MemberId, ct) : null;
        if (member is null) session.Store(attempts.Failed(now));
        else if (attempts.Failures.Count > 0) session.Delete<SignInAttempts>(email);
        await session.SaveChangesAsync(ct);
        // One answer for an unknown address and a wrong password, so sign-in does not reveal who is a member.
        return member is null ? Problem.Unauthorized("Dit e-mailadres en wachtwoord horen niet bij elkaar.") : member;
    }
}

/// <summary>
/// Recent failed sign-ins for one address. After five within fifteen minutes the address is locked
/// until fifteen minutes after the fifth, which makes guessing a password impractical.
/// </summary>
public sealed record SignInAttempts(string Id, IReadOnlyList<DateTimeOffset> Failures)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public SignInAttempts Failed(DateTimeOffset now) => this with { Failures = [.. Failures.Where(f => f > now - Window), now] };

    public DateTimeOffset? LockedUntil(DateTimeOffset now)
    {
        var recent = Failures.Where(f => f > now - Window).Order().ToList();
        return recent.Count >= MaxFailures ? recent[^1] + Window : null;
    }
}
