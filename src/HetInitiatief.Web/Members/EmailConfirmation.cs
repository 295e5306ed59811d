using HetInitiatief.Mail;
using HetInitiatief.Network;

namespace HetInitiatief.Members;

/// <summary>
/// The member proved the address is theirs by opening the link mailed to it. Only from here on do they write for
/// others, count as a member of the network, and get a founding seat (<c>EarlyBirdSeat</c>, if one was left).
/// </summary>
public sealed record MemberEmailConfirmed(Guid MemberId, DateTimeOffset ConfirmedAt, int? EarlyBirdSeat = null);

/// <summary>
/// A confirmation link that was mailed. Only the token's hash is stored, so the database alone confirms nobody.
/// <c>UsedAt</c>: when it confirmed the address; kept so a second click can say so instead of "unknown link".
/// </summary>
public sealed record EmailConfirmationToken(string Id, Guid MemberId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt = null);

public sealed record ConfirmEmail(string? Token);

public sealed record EmailConfirmed(Guid MemberId, DateTimeOffset ConfirmedAt, int? EarlyBirdSeat);

public static class EmailConfirmation
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);

    /// <summary>Enough for a lost or delayed mail; few enough that resending cannot flood the member's inbox.</summary>
    public const int MaxMailsPerHour = 5;

    public const string PagePath = "/e-mailadres-bevestigen";
    public const string Subject = "Bevestig je e-mailadres voor Het Initiatief";

    private const string UnknownLink = "Deze bevestigingslink kennen we niet. Gebruik de hele link uit de mail, of log in en vraag een nieuwe mail aan.";
    private const string UsedLink = "Deze link is al gebruikt: je e-mailadres is bevestigd. Log in om verder te gaan.";
    private const string ExpiredLink = "Deze link is verlopen. Log in en vraag een nieuwe bevestigingsmail aan.";

    /// <summary>
    /// What confirming does, decided on the network and the member as they are under lock: the member's confirmation,
    /// the next founding seat in confirmation order (and the joint start with the last one), and admin for an address
    /// in <c>Platform:AdminEmails</c>. A member who is already confirmed gets nothing twice.
    /// </summary>
    /// <remarks>The network is the first stream (locked first), the member the second.</remarks>
    public static TwoStreamDecision Decide(
        MemberProfile member, NetworkState network, int seats, bool configuredAdmin, DateTimeOffset now)
    {
        if (member.EmailConfirmedAt is not null) return Problem.Gone(UsedLink, "token");
        var seat = EarlyBirds.DecideSeat(network, seats, member.Id, now);
        var number = seat.Events.OfType<EarlyBirdSeatTaken>().SingleOrDefault()?.Seat;
        var decision = seat.Events.Aggregate(TwoStreamDecision.Nothing, (decided, e) => decided.OnFirst(e))
            .OnSecond(new MemberEmailConfirmed(member.Id, now, number));
        return configuredAdmin && !member.Has(MemberRoles.Admin)
            ? decision.OnSecond(new MemberRoleGranted(member.Id, MemberRoles.Admin, Guid.Empty, now))
            : decision;
    }

    /// <summary>
    /// Confirms with the token from the mail. The network's stream is locked before the member's — the order
    /// registration used — so confirmations take seats one at a time, and however many arrive at once,
    /// every member is confirmed once and the seats never exceed the setting.
    /// </summary>
    public static async Task<Outcome<EmailConfirmed>> ConfirmAsync(
        string? token, IDocumentStore store, PlatformAdmins admins, NetworkSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Trim().Length != 64 || !token.Trim().All(Uri.IsHexDigit))
            return Problem.Invalid("token", "Deze link is niet compleet. Kopieer de hele link uit de mail en probeer het opnieuw.");

        await using var session = store.LightweightSession();
        var mailed = await session.LoadAsync<EmailConfirmationToken>(LinkTokens.Hash(token.Trim().ToLowerInvariant()), ct);
        if (mailed is null) return Unknown;
        if (mailed.UsedAt is not null) return Problem.Gone(UsedLink, "token");
        if (mailed.ExpiresAt < now) return Problem.Gone(ExpiredLink, "token");

        // Committed only with the confirmation: a refused one leaves the link as it was.
        session.Store(mailed with { UsedAt = now });
        int? seat = null;
        var written = await EventStreams.DecideAsync<NetworkState, MemberProfile>(session, settings.NetworkId,
            mailed.MemberId, (network, member) =>
        {
            if (member is null) return Unknown;
            var decision = Decide(member, network ?? NetworkState.Empty(settings.NetworkId),
                settings.EarlyBirdSeats, admins.Includes(member.Email), now);
            seat = decision.Events.OfType<MemberEmailConfirmed>().SingleOrDefault()?.EarlyBirdSeat;
            return decision;
        }, ct);
        return written.Map(_ => new EmailConfirmed(mailed.MemberId, now, seat));
    }

    /// <summary>
    /// Mails a new link to the member's own address; earlier links keep working until they expire. Only for the
    /// signed-in member, so it never tells anyone whether an address is registered.
    /// </summary>
    /// <param name="returnUrl">Where the member was going (a shared question): the link leads there once confirmed. Local paths only.</param>
    public static async Task<Problem?> SendAsync(Guid memberId, IDocumentStore store, Mailer mailer, DateTimeOffset now, CancellationToken ct, string? returnUrl = null)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<MemberProfile>(memberId, ct) is not { } member) return Problem.Unauthorized("Log opnieuw in.");
        var refused = await QueueAsync(session, member, mailer, now, ct, returnUrl);
        if (refused is null) await session.SaveChangesAsync(ct);
        return refused;
    }

    /// <summary>
    /// The token and the mail that carries it, put in the caller's session (a registration's own, so an account never
    /// exists without its confirmation mail); the caller commits.
    /// </summary>
    public static async Task<Problem?> QueueAsync(
        IDocumentSession session, MemberProfile member, Mailer mailer, DateTimeOffset now, CancellationToken ct,
        string? returnUrl = null)
    {
        var memberId = member.Id;
        if (member.EmailConfirmedAt is not null) return Problem.Conflict("Je e-mailadres is al bevestigd.");
        var lastHour = now.AddHours(-1);
        if (await session.Query<EmailConfirmationToken>().CountAsync(t => t.MemberId == memberId && t.CreatedAt > lastHour, ct) >= MaxMailsPerHour)
            return Problem.TooManyRequests($"We stuurden je het afgelopen uur al {MaxMailsPerHour} bevestigingsmails. Kijk ook in je map met ongewenste mail, of probeer het over een uur opnieuw.");

        var token = LinkTokens.New();
        session.Store(new EmailConfirmationToken(LinkTokens.Hash(token), memberId, now, now + ValidFor));
        await mailer.QueueAsync(session, new MailMessageToSend(member.Email, Subject,
            $"Hallo {member.Name},\n\nWelkom bij Het Initiatief! Bevestig je e-mailadres via deze link; hij werkt {ValidFor.Days} dagen:\n\n" +
            $"{mailer.SiteUrl}{PagePath}?token={token}{(IsLocal(returnUrl) ? $"&ReturnUrl={Uri.EscapeDataString(returnUrl!)}" : "")}\n\n" +
            "Daarna kun je leervragen stellen, doorvragen, meedoen in coalities en collega's uitnodigen.\n\n" +
            "Heb je je niet aangemeld bij Het Initiatief? Dan kun je dit bericht negeren; zonder bevestiging gebeurt er niets."), ct);
        return null;
    }

    /// <summary>A path on this site, never another site's address ("//elders.example" or "/\\elders" included).</summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] != '/' && url[1] != '\\' && !url.Any(char.IsWhiteSpace);


    private static Problem Unknown => new(404, "Niet gevonden", UnknownLink, new Dictionary<string, string[]> { ["token"] = [UnknownLink] });
}

public static class EmailConfirmationEndpoints
{
    [AllowAnonymous]
    [AllowUnconfirmed]
    [EndpointSummary("Confirm the e-mail address with the token from the confirmation mail (single use, valid 7 days). The founding seat, if one is left, is taken now.")]
    [WolverinePost("/api/members/confirm")]
    [Refuses(400, 404, 410)]
    public static async Task<Answer<EmailConfirmed>> Confirm(
        ConfirmEmail command, IDocumentStore store, PlatformAdmins admins, NetworkSettings settings, TimeProvider clock,
        CancellationToken ct)
    {
        var outcome = await EmailConfirmation.ConfirmAsync(command.Token, store, admins, settings, clock.GetUtcNow(), ct);
        return outcome.Answer();
    }

    [AllowUnconfirmed]
    [EndpointSummary("Mail me a new confirmation link (signed in, not yet confirmed; at most 5 an hour). Earlier links keep working.")]
    [WolverinePost("/api/me/confirmation")]
    [Refuses(409, 429)]
    public static async Task<Accepted> Resend(
        ClaimsPrincipal user, IDocumentStore store, Mailer mailer, TimeProvider clock, CancellationToken ct) =>
        Accepted.Unless(await EmailConfirmation.SendAsync(user.MemberId(), store, mailer, clock.GetUtcNow(), ct));
}
