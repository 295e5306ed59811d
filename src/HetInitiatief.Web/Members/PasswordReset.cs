using HetInitiatief.Mail;
using Microsoft.AspNetCore.Identity;

namespace HetInitiatief.Members;

/// <summary>The member chose a new password (after a reset by e-mail, or on the profile). The hash itself stays out of the event.</summary>
public sealed record MemberPasswordChanged(Guid MemberId, DateTimeOffset ChangedAt);

/// <summary>A pending reset. Only the token's hash is stored, so the database alone cannot reset anyone's password.</summary>
public sealed record PasswordResetToken(string Id, Guid MemberId, string Email, DateTimeOffset ExpiresAt);

public sealed record RequestPasswordReset(string? Email);

public sealed record ResetPassword(string? Token, string? Password);

public static class PasswordResetEndpoints
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromHours(1);

    /// <summary>Always 202, whether the address is known or not, so this does not reveal who is a member.</summary>
    [AllowAnonymous]
    [EndpointSummary("Ask for a password reset link by e-mail (always 202).")]
    [AllowUnconfirmed]
    [WolverinePost("/api/auth/password-reset")]
    public static async Task<Accepted> Request(
        RequestPasswordReset command, IDocumentStore store, Mailer mailer, TimeProvider clock, CancellationToken ct)
    {
        await RequestAsync(command.Email, store, mailer, clock.GetUtcNow(), ct);
        return Accepted.Empty;
    }

    [AllowAnonymous]
    [EndpointSummary("Set a new password with the token from the e-mail; the token works once, for an hour. Ends every session of the member.")]
    [AllowUnconfirmed]
    [WolverinePost("/api/auth/password-reset/confirm")]
    [Refuses(400)]
    public static async Task<Done> Confirm(
        ResetPassword command, IDocumentStore store, IPasswordHasher<MemberLogin> hasher, SessionStamps stamps, TimeProvider clock, CancellationToken ct) =>
        Done.Unless(await ConfirmAsync(command, store, hasher, stamps, clock.GetUtcNow(), ct));

    /// <summary>The link comes from the platform's own address (<see cref="Mailer.SiteUrl"/>), never from the request.</summary>
    public static async Task RequestAsync(string? email, IDocumentStore store, Mailer mailer, DateTimeOffset now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email)) return;
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<MemberLogin>(MemberLogin.Normalise(email), ct) is not { } login) return;

        var token = LinkTokens.New();
        session.Store(new PasswordResetToken(LinkTokens.Hash(token), login.MemberId, login.Id, now + ValidFor));
        // The token and the mail that carries it commit together: no token without its mail, no mail without its token.
        await mailer.QueueAsync(session, new MailMessageToSend(login.Id, "Een nieuw wachtwoord voor Het Initiatief",
            "Je vroeg om een nieuw wachtwoord. Kies het binnen een uur via:\n\n"
            + $"{mailer.SiteUrl}/wachtwoord-herstellen?token={token}\n\nVroeg je dit niet? Dan kun je dit bericht negeren."), ct);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>Whoever reset the password may not be the only one who knew the old one: every session ends.</summary>
    public static async Task<Problem?> ConfirmAsync(
        ResetPassword command, IDocumentStore store, IPasswordHasher<MemberLogin> hasher, SessionStamps stamps, DateTimeOffset now, CancellationToken ct)
    {
        if (!RegisterMemberEndpoint.IsStrong(command.Password))
            return Problem.Invalid("password", $"Kies een wachtwoord van minstens {RegisterMemberEndpoint.MinPasswordLength} tekens, met letters én cijfers of leestekens.");
        await using var session = store.LightweightSession();
        var reset = string.IsNullOrEmpty(command.Token) ? null : await session.LoadAsync<PasswordResetToken>(LinkTokens.Hash(command.Token), ct);
        if (reset is null || reset.ExpiresAt < now) return Problem.Invalid("token", "Deze link werkt niet (meer). Vraag een nieuwe aan.");
        var login = await session.LoadAsync<MemberLogin>(reset.Email, ct);
        if (login is null) return Problem.Invalid("token", "Deze link werkt niet (meer). Vraag een nieuwe aan.");

        session.Store(login with { PasswordHash = hasher.HashPassword(login, command.Password!) });
        session.Delete<PasswordResetToken>(reset.Id);
        session.Delete<SignInAttempts>(login.Id);
        session.Events.Append(login.MemberId, new MemberPasswordChanged(login.MemberId, now));
        var stamp = SessionStamps.Renew(session, login.MemberId);
        await session.SaveChangesAsync(ct);
        stamps.Renewed(login.MemberId, stamp);
        return null;
    }

}
