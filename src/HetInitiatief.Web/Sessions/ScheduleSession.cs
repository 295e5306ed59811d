using HetInitiatief.Catalogue;
using HetInitiatief.Coalitions;

namespace HetInitiatief.Sessions;

public sealed record ScheduleSession(
    string? Title, string? Description, string? Type, string? Format, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt,
    string? Location, string? MeetingLink, int? Capacity, int? Minimum, DateTimeOffset? SignUpDeadline, string? Theme,
    Guid? CoalitionId, DateTimeOffset? PriorityUntil, Guid? ProposalId = null);

public sealed record SessionWritten(Guid SessionId, long Version);

public static class ScheduleSessionEndpoint
{
    public const int MaxCapacity = 500;

    // A missing moment gets its own reason, so "the end lies after the start" is never said about an empty field.
    public const string MissingStart = "Vul een begin in.";
    public const string MissingEnd = "Vul een einde in.";
    public const string MissingDeadline = "Vul in tot wanneer aanmelden kan.";

    public static Problem? CheckFields(ScheduleSession c, DateTimeOffset now) =>
        new FieldRules()
            .Text("title", c.Title, "een titel", 150, min: 5)
            .Text("description", c.Description, "wat deelnemers na afloop kunnen", 4000)
            .Check(c.Type is not null && SessionKinds.Types.ContainsKey(c.Type), "type", "Kies een soort: werkplaats, intervisie, lesbezoek, praktijkpresentatie, lezing of onderzoeksgroep.")
            .Check(c.Format is not null && SessionKinds.Formats.ContainsKey(c.Format), "format", "Kies fysiek, online of hybride.")
            .Check(c.StartsAt is not null, "startsAt", MissingStart)
            .Check(c.StartsAt is null || c.StartsAt > now, "startsAt", "Kies een begin in de toekomst.")
            .Check(c.EndsAt is not null, "endsAt", MissingEnd)
            .Check(c.EndsAt is null || c.StartsAt is null || c.EndsAt > c.StartsAt, "endsAt", "Het einde ligt na het begin.")
            .Check(c.Format == "online" || !string.IsNullOrWhiteSpace(c.Location), "location", "Vul de plek in waar de bijeenkomst is.")
            .Check(c.Format == "fysiek" || Uri.TryCreate(c.MeetingLink, UriKind.Absolute, out var link) && link.Scheme is "https" or "http", "meetingLink", "Vul een geldige link (https://…) voor online deelname in.")
            .Check(c.Capacity is >= 1 and <= MaxCapacity, "capacity", $"Kies een maximum van 1 tot {MaxCapacity} deelnemers.")
            .Check(c.Minimum is >= 1 && c.Minimum <= (c.Capacity ?? 0), "minimum", "Kies een minimum van 1 tot het maximum.")
            .Check(c.SignUpDeadline is not null, "signUpDeadline", MissingDeadline)
            .Check(c.SignUpDeadline is null || c.SignUpDeadline > now && (c.StartsAt is null || c.SignUpDeadline <= c.StartsAt),
                "signUpDeadline", "De aanmeldtermijn sluit vóór het begin en ligt in de toekomst.")
            .Check(Themes.IsKnown(c.Theme), "theme", "Kies een bekend thema.")
            .Check(c.PriorityUntil is null || c.CoalitionId is not null, "priorityUntil", "Voorrang geldt alleen voor de leden van een coalitie.")
            .Check(c.PriorityUntil is null || c.SignUpDeadline is null || c.PriorityUntil <= c.SignUpDeadline,
                "priorityUntil", "De voorrang eindigt uiterlijk bij de aanmeldtermijn.")
            .Problem;

    /// <summary>
    /// A session for a coalition is the session its members co-created: it comes from the offer the group accepted
    /// and is planned by whoever made that offer or by the initiator. Nobody else can plant a session on a coalition
    /// (claiming its priority window and notifying its members). A session without a coalition is open supply.
    /// </summary>
    /// <param name="accepted">The coalition's accepted proposal, if it has one.</param>
    public static Problem? MustComeFromAcceptedProposal(
        Guid? coalitionId, Guid? proposalId, CoalitionDetails? coalition, Offers.Proposal? accepted, Guid hostId) =>
        coalitionId is null
            ? (proposalId is null ? null
                : Problem.Invalid("proposalId", "Een aanbod hoort bij een coalitie: kies ook de coalitie."))
        : coalition is null ? Problem.Invalid("coalitionId", "Deze coalitie bestaat niet.")
        : accepted is null ? Problem.Conflict(NoAcceptedProposal, "coalitionId")
        : proposalId is { } chosen && chosen != accepted.Id
            ? Problem.Invalid("proposalId", "Dit is niet het aanbod dat deze coalitie heeft aangenomen.")
        : hostId != accepted.ProposedBy && hostId != coalition.InitiatorId ? Problem.Forbidden(NotTheProposer)
        : null;

    public const string NoAcceptedProposal =
        "Deze coalitie heeft nog geen aanbod aangenomen. Een bijeenkomst voor de coalitie komt uit het aanbod dat de "
        + "groep samen maakt: doe een voorstel, dan kan de initiatiefnemer het namens de groep aannemen.";

    public const string NotTheProposer =
        "Alleen wie het aangenomen aanbod deed, of de initiatiefnemer van de coalitie, plant de bijeenkomst ervan.";

    /// <param name="sector">The sector the session is for: its coalition question's, or else the host's.</param>
    /// <param name="providerLed">The host is a provider: signing up will take a paid membership's entitlement.</param>
    public static Decision Decide(
        ScheduleSession c, Guid sessionId, CoalitionDetails? coalition, Offers.Proposal? accepted, string? sector,
        Guid hostId, DateTimeOffset now, bool providerLed = false) =>
        CheckFields(c, now)
        ?? MustComeFromAcceptedProposal(c.CoalitionId, c.ProposalId, coalition, accepted, hostId)
        ?? (Decision.Accept(new SessionScheduled(
                    sessionId, hostId, c.Title!.Trim(), c.Description!.Trim(), c.Type!, c.Format!, c.StartsAt!.Value.ToUniversalTime(),
                    c.EndsAt!.Value.ToUniversalTime(), c.Location?.Trim(), c.MeetingLink?.Trim(), c.Capacity!.Value, c.Minimum!.Value,
                    c.SignUpDeadline!.Value.ToUniversalTime(), c.Theme!, c.CoalitionId, c.PriorityUntil?.ToUniversalTime(), now, sector, providerLed,
                    c.CoalitionId is null ? null : accepted?.Id)));

    [EndpointSummary("Offer a session on a theme, optionally for a coalition whose members get first claim until priorityUntil.")]
    [WolverinePost("/api/sessions")]
    [Refuses(400, 403, 409)]
    public static async Task<Created<SessionWritten>> Post(
        ScheduleSession command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await ScheduleAsync(command, user.MemberId(), store, clock.GetUtcNow(), ct);
        return outcome.Created(written => $"/api/sessions/{written.SessionId}");
    }

    public static async Task<Outcome<SessionWritten>> ScheduleAsync(
        ScheduleSession command, Guid hostId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var coalition = command.CoalitionId is { } coalitionId
            ? await session.LoadAsync<CoalitionDetails>(coalitionId, ct)
            : null;
        var accepted = coalition?.AcceptedProposalId is { } acceptedId
            ? await session.LoadAsync<Offers.Proposal>(acceptedId, ct)
            : null;
        var host = await session.LoadAsync<Members.MemberProfile>(hostId, ct);
        var sector = coalition is not null
            ? (await session.LoadAsync<Questions.QuestionBoardItem>(coalition.QuestionId, ct))?.Sector
            : host?.Sector;
        var sessionId = Guid.CreateVersion7();
        var decision = Decide(command, sessionId, coalition, accepted, sector, hostId, now,
            host?.Has(Members.MemberRoles.Provider) == true);
        return (await EventStreams.StartAsync<Session>(session, sessionId, decision, EventStreams.AlreadyThere, ct))
            .Map(_ => new SessionWritten(sessionId, 1));
    }
}
