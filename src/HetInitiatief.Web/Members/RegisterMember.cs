using System.Net.Mail;
using HetInitiatief.Catalogue;
using HetInitiatief.Mail;
using Microsoft.AspNetCore.Identity;

namespace HetInitiatief.Members;

/// <remarks><c>Invite</c>: the token of the invite link the member came through, if any (see <see cref="Invites.AcceptInvite"/>).</remarks>
public sealed record RegisterMember(string? Name, string? Email, string? Password, string? School, string? Sector, string? Invite = null);

public sealed record MemberCreated(Guid MemberId);

public static class RegisterMemberEndpoint
{
    public const int MinPasswordLength = 10;

    public static Problem? CheckFields(RegisterMember command) =>
        new FieldRules()
            .Text("name", command.Name, "je naam", 100, min: 2)
            .Text("email", command.Email, "je e-mailadres", 254)
            .Check(string.IsNullOrWhiteSpace(command.Email) || IsEmail(command.Email), "email", "Dit is geen geldig e-mailadres.")
            .Check(IsStrong(command.Password), "password",
                $"Kies een wachtwoord van minstens {MinPasswordLength} tekens, met letters én cijfers of leestekens.")
            .Check((command.Password?.Length ?? 0) <= 128, "password", "Een wachtwoord mag hoogstens 128 tekens hebben.")
            .Text("school", command.School, "je school", 150)
            .Check(Sectors.IsKnown(command.Sector), "sector", Sectors.Unknown)
            .Problem;

    [AllowAnonymous]
    [AllowUnconfirmed]
    [EndpointSummary("Register a member (teacher) with name, e-mail, password, school and sector. A confirmation link is mailed; until it is opened the member can sign in and read, but not write for others.")]
    [WolverinePost("/api/members")]
    [Refuses(400, 409)]
    public static async Task<Created<MemberCreated>> Post(
        RegisterMember command, IDocumentStore store, IPasswordHasher<MemberLogin> hasher, Mailer mailer,
        TimeProvider clock, CancellationToken ct)
    {
        var outcome = await RegisterAsync(command, store, hasher, mailer, clock.GetUtcNow(), ct);
        return outcome.Created(_ => "/api/me", member => new MemberCreated(member.Id));
    }

    /// <summary>
    /// Registers and mails the confirmation link. No founding seat and no admin role yet: both wait for the
    /// confirmed address (<see cref="EmailConfirmation.ConfirmAsync"/>), so a script that registers addresses
    /// it does not own takes neither.
    /// </summary>
    public static async Task<Outcome<MemberProfile>> RegisterAsync(
        RegisterMember command, IDocumentStore store, IPasswordHasher<MemberLogin> hasher, Mailer mailer, DateTimeOffset now, CancellationToken ct,
        string? returnUrl = null)
    {
        if (CheckFields(command) is { } invalid) return invalid;

        var memberId = Guid.CreateVersion7();
        var login = new MemberLogin(MemberLogin.Normalise(command.Email!), memberId, "");
        login = login with { PasswordHash = hasher.HashPassword(login, command.Password!) };

        await using var session = store.LightweightSession();
        var registered = new MemberRegistered(memberId, command.Name!.Trim(), command.Email!.Trim(), command.School!.Trim(), command.Sector!, now);
        // The login document's id is the normalised address: inserting it with the stream's start refuses a second account.
        session.Insert(login);
        await Invites.AcceptInvite.OnRegistrationAsync(session, command.Invite, memberId, now, ct);
        var member = MemberProfile.Create(registered);
        // The confirmation mail commits with the account: an account never waits for a mail that was never queued.
        // A new account is neither confirmed nor over the hourly limit, so this queues and never refuses.
        await EmailConfirmation.QueueAsync(session, member, mailer, now, ct, returnUrl);
        var started = await EventStreams.StartAsync<MemberProfile>(session, memberId, Decision.Accept(registered),
            Problem.Conflict("Er is al een account met dit e-mailadres. Log in, of gebruik een ander adres.",
                "email"), ct);
        if (started.Problem is { } duplicate) return duplicate;
        return member;
    }

    public static bool IsStrong(string? password) =>
        password is { Length: >= MinPasswordLength } &&
        password.Any(char.IsLetter) && password.Any(c => !char.IsLetter(c)) && password.Distinct().Count() >= 5;

    private static bool IsEmail(string email) =>
        MailAddress.TryCreate(email.Trim(), out var address) && address.Address == email.Trim() && email.Contains('.');
}
