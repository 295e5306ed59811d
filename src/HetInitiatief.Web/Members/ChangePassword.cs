using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace HetInitiatief.Members;

public sealed record ChangePassword(string? CurrentPassword, string? NewPassword);

/// <summary>
/// A signed-in member chooses a new password. Every other session ends (someone else may know the old one); the
/// session that made the change goes on under the new stamp: a cookie is issued again, a bearer caller gets a new token.
/// </summary>
public static class ChangePasswordEndpoint
{
    [EndpointSummary("Change my password (the current one is needed). Ends every other session; a bearer caller gets a new token.")]
    [WolverinePost("/api/me/password")]
    [Refuses(400)]
    public static async Task<SignedIn> Post(
        ChangePassword command, ClaimsPrincipal user, HttpContext context, IDocumentStore store, IPasswordHasher<MemberLogin> hasher,
        SessionStamps stamps, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await ChangeAsync(command, user.MemberId(), store, hasher, clock.GetUtcNow(), ct);
        if (outcome.Problem is { } problem) return problem;
        var (member, stamp) = outcome.Value!;
        stamps.Renewed(member.Id, stamp);
        if (!Authentication.ByCookie(user))
        {
            return SignedIn.WithToken(Authentication.Principal(member, Authentication.Bearer, stamp));
        }
        await context.SignInAsync(Authentication.Cookie, Authentication.Principal(member, Authentication.Cookie, stamp));
        return SignedIn.WithCookie;
    }

    /// <summary>The new password and stamp, committed together; the caller tells <see cref="SessionStamps"/> afterwards.</summary>
    public static async Task<Outcome<(MemberProfile Member, string Stamp)>> ChangeAsync(
        ChangePassword command, Guid memberId, IDocumentStore store, IPasswordHasher<MemberLogin> hasher, DateTimeOffset now,
        CancellationToken ct)
    {
        var invalid = new FieldRules()
            .Text("currentPassword", command.CurrentPassword, "je huidige wachtwoord", 128)
            .Check(RegisterMemberEndpoint.IsStrong(command.NewPassword) && command.NewPassword!.Length <= 128, "newPassword",
                $"Kies een wachtwoord van minstens {RegisterMemberEndpoint.MinPasswordLength} tekens (hoogstens 128), " +
                "met letters én cijfers of leestekens.")
            .Problem;
        if (invalid is not null) return invalid;

        await using var session = store.LightweightSession();
        if (await session.LoadAsync<MemberProfile>(memberId, ct) is not { } member ||
            await session.LoadAsync<MemberLogin>(MemberLogin.Normalise(member.Email), ct) is not { } login)
            return Problem.NotFound("Dit account bestaat niet meer.");
        if (hasher.VerifyHashedPassword(login, login.PasswordHash, command.CurrentPassword!) == PasswordVerificationResult.Failed)
            return Problem.Invalid("currentPassword", "Je huidige wachtwoord klopt niet.");

        session.Store(login with { PasswordHash = hasher.HashPassword(login, command.NewPassword!) });
        session.Events.Append(memberId, new MemberPasswordChanged(memberId, now));
        var stamp = SessionStamps.Renew(session, memberId);
        await session.SaveChangesAsync(ct);
        return (member, stamp);
    }
}
