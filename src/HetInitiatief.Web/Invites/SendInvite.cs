using System.Net.Mail;
using HetInitiatief.Mail;
using HetInitiatief.Members;

namespace HetInitiatief.Invites;

/// <summary>Invite a colleague: with an e-mail address we mail them the link; without one you get a link to share.</summary>
public sealed record SendInvite(string? Email, string? Note);

public static class SendInviteEndpoint
{
    /// <summary>Enough to invite a whole team room, few enough that the platform is no spam relay.</summary>
    public const int MaxPerDay = 50;

    public const int NoteMax = 500;

    public static Problem? CheckFields(SendInvite command) =>
        new FieldRules()
            .OptionalText("email", command.Email, "het e-mailadres", 254)
            .Check(string.IsNullOrWhiteSpace(command.Email) || IsEmail(command.Email), "email", "Dit is geen geldig e-mailadres.")
            .OptionalText("note", command.Note, "je persoonlijke bericht", NoteMax)
            .Problem;

    /// <summary>
    /// Whether the member may invite now, and what that records. Whether the address already belongs to a
    /// member is deliberately not checked: the answer would tell anyone who is a member.
    /// </summary>
    public static Decision Decide(SendInvite command, Guid inviteId, string token, Guid inviterId, int invitedLastDay, DateTimeOffset now)
    {
        if (CheckFields(command) is { } invalid) return invalid;
        if (invitedLastDay >= MaxPerDay)
            return Problem.TooManyRequests($"Je hebt de afgelopen 24 uur al {MaxPerDay} uitnodigingen gemaakt. Probeer het morgen opnieuw.");
        var email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim();
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        return Decision.Accept(new InviteCreated(inviteId, inviterId, token, email, note, SingleUse: email is not null, now));
    }

    [EndpointSummary("Invite a colleague: with an e-mail address the invitation is mailed (single use); without, you get a link to share (reusable).")]
    [WolverinePost("/api/invites")]
    [Refuses(400, 429)]
    public static async Task<Created<InviteView>> Post(
        SendInvite command, ClaimsPrincipal user, IDocumentStore store, Mailer mailer, TimeProvider clock,
        CancellationToken ct)
    {
        // The link shown to share comes from the platform's own address, like the mailed one: never from the Host header.
        var outcome = await SendAsync(command, user.MemberId(), mailer.SiteUrl, store, mailer, clock.GetUtcNow(), ct);
        return outcome.Created(_ => "/api/invites");
    }

    public static async Task<Outcome<InviteView>> SendAsync(SendInvite command, Guid inviterId, string baseUrl, IDocumentStore store, Mailer mailer, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<MemberProfile>(inviterId, ct) is not { } inviter) return Problem.Unauthorized("Log opnieuw in.");
        // Counted on the read model: two requests in the same instant may both pass at 49. The cap is
        // there against abuse, not as an exact quota, so that is not worth a lock.
        var since = now.AddDays(-1);
        var invitedLastDay = await session.Query<Invite>().CountAsync(i => i.InviterId == inviterId && i.CreatedAt > since, ct);

        var inviteId = Guid.CreateVersion7();
        var decision = Decide(command, inviteId, Invite.NewToken(), inviterId, invitedLastDay, now);
        if (decision.Refusal is { } refused) return refused;
        var created = decision.Events.OfType<InviteCreated>().Single();
        // The mailed link comes from the platform's own address, never from the request's Host header; the mail
        // commits with the invite.
        if (created.Email is { } email)
            await mailer.QueueAsync(session, InvitationMail(email, inviter.Name, created.Note,
                Invite.LinkFor(mailer.SiteUrl, created.Token)), ct);
        if ((await EventStreams.StartAsync<Invite>(session, inviteId, decision, EventStreams.AlreadyThere,
            ct)).Problem is { } collided) return collided;
        return MyInvitesEndpoint.ToView(Invite.Create(created), baseUrl, new Dictionary<Guid, string>());
    }

    public static MailMessageToSend InvitationMail(string to, string inviterName, string? note, string link) =>
        new(to, $"{inviterName} nodigt je uit voor Het Initiatief",
            $"{inviterName} nodigt je uit voor Het Initiatief, het netwerk waar leraren zelf bepalen wat ze leren: " +
            "je stelt je leervraag, collega's denken mee, en wie hetzelfde wil leren doet mee.\n\n" +
            (note is null ? "" : $"{inviterName} schrijft:\n\n{note}\n\n") +
            $"Word lid via deze link:\n\n{link}\n\n" +
            "Ken je de afzender niet? Dan kun je dit bericht negeren; we mailen je niet opnieuw.");

    private static bool IsEmail(string email) =>
        MailAddress.TryCreate(email.Trim(), out var address) && address.Address == email.Trim() && email.Contains('.');
}
