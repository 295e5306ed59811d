using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using System.Reflection;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.Metadata;

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
    [EndpointSummary("Sign in and get a bearer token for API clients and the live hub.")]
    [AllowUnconfirmed]
    [WolverinePost("/api/auth/token")]
    [Refuses(400, 401, 429)]
    public static async Task<Answer<AccessTokenResponse>> Token(
        SignIn command, IDocumentStore store, IPasswordHasher<MemberLogin> hasher, SessionStamps stamps, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await VerifyAsync(command, store, hasher, clock.GetUtcNow(), ct);
        if (outcome.Problem is { } problem) return problem;
        return SignedIn.Token(await stamps.PrincipalAsync(outcome.Value!, Authentication.Bearer, ct));
    }

    /// <summary>The web app's cookie, for script clients of the same site.</summary>
    [AllowAnonymous]
    [EndpointSummary("Sign in with the web app's cookie.")]
    [AllowUnconfirmed]
    [WolverinePost("/api/auth/sign-in")]
    [Refuses(400, 401, 429)]
    public static async Task<Done> CookieSignIn(
        SignIn command, HttpContext context, IDocumentStore store, IPasswordHasher<MemberLogin> hasher, SessionStamps stamps, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await VerifyAsync(command, store, hasher, clock.GetUtcNow(), ct);
        if (outcome.Problem is { } problem) return problem;
        await context.SignInAsync(Authentication.Cookie, await stamps.PrincipalAsync(outcome.Value!, Authentication.Cookie, ct));
        return Done.Instance;
    }

    [AllowAnonymous]
    [EndpointSummary("Sign out of the web app (clears the cookie).")]
    [AllowUnconfirmed]
    [WolverinePost("/api/auth/sign-out")]
    public static async Task<Done> CookieSignOut(HttpContext context)
    {
        await context.SignOutAsync(Authentication.Cookie);
        return Done.Instance;
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

/// <summary>
/// What a sign-in answers: a bearer client gets 200 with a new access token (written by ASP.NET Core's bearer token
/// handler), the web app 204 with its cookie already set; or a problem.
/// </summary>
public sealed class SignedIn : Reply, IEndpointMetadataProvider
{
    private SignedIn(IResult result) : base(result) { }

    public static readonly SignedIn WithCookie = new(Results.NoContent());

    public static SignedIn WithToken(ClaimsPrincipal principal) => new(Bearer(principal));

    /// <summary>For the endpoint that only hands out tokens.</summary>
    public static Answer<AccessTokenResponse> Token(ClaimsPrincipal principal) =>
        Answer<AccessTokenResponse>.WrittenBy(Bearer(principal));

    public static implicit operator SignedIn(Problem problem) => new(problem.ToResult());

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        ApiDocs.Describe(method, builder, (200, typeof(AccessTokenResponse)), (204, null));

    private static IResult Bearer(ClaimsPrincipal principal) =>
        Results.SignIn(principal, authenticationScheme: Authentication.Bearer);
}
