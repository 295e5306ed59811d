using System.Security.Claims;
using HetInitiatief.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace HetInitiatief.Notifications;

/// <summary>How a member hears of one kind of notification.</summary>
public static class Deliveries
{
    public const string InApp = "inApp";
    public const string Immediate = "immediate";
    public const string Digest = "digest";

    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        (InApp, "Alleen hier in Het Initiatief"),
        (Immediate, "Meteen per e-mail"),
        (Digest, "In een dagelijks overzicht per e-mail"),
    ];

    public static bool IsKnown(string? code) => All.Any(d => d.Code == code);
}

public sealed record NotificationKindLabel(string Kind, string Label);

public sealed record NotificationKindGroup(string Title, IReadOnlyList<NotificationKindLabel> Kinds);

/// <summary>
/// A member's choice per kind of notification: in the app only, an e-mail at once, or a daily digest.
/// Its own document (id = the member's), so the member's profile stays about who they are.
/// Kinds without a choice are in-app only: mail goes only to members who asked for it.
/// </summary>
public sealed record NotificationPreferences(Guid Id, IReadOnlyDictionary<string, string> Kinds, DateTimeOffset UpdatedAt)
{
    public string For(string kind) => Kinds.GetValueOrDefault(kind, Deliveries.InApp);

    /// <summary>The kinds a member can choose for, in the groups the page shows them in.</summary>
    public static readonly IReadOnlyList<NotificationKindGroup> Groups =
    [
        new("Jouw coalities", [
            new(NotificationKinds.JoinedMyCoalition, "Iemand doet mee met mijn coalitie"),
            new(NotificationKinds.ThresholdReached, "Een coalitie is groot genoeg"),
            new(NotificationKinds.ClosingSoon, "Een coalitie sluit over 48 uur"),
            new(NotificationKinds.Closed, "Een coalitie is gesloten"),
            new(NotificationKinds.InitiatorLeft, "De initiatiefnemer is gestopt"),
            new(NotificationKinds.HandoverOffered, "Iemand vraagt mij een initiatief over te nemen"),
        ]),
        new("Aanbod en bijeenkomsten", [
            new(NotificationKinds.ProposalMade, "Nieuw aanbod voor mijn coalitie"),
            new(NotificationKinds.ProposalAccepted, "Een aanbod is aangenomen"),
            new(NotificationKinds.SessionForCoalition, "Een bijeenkomst gepland voor mijn coalitie"),
            new(NotificationKinds.Promoted, "Ik ben van de wachtlijst af"),
            new(NotificationKinds.SessionConfirmed, "Een bijeenkomst gaat door"),
            new(NotificationKinds.SessionCalledOff, "Een bijeenkomst gaat niet door"),
            new(NotificationKinds.SessionMoved, "Een bijeenkomst is verplaatst"),
        ]),
        new("Het netwerk", [
            new(NotificationKinds.InviteAccepted, "Een collega werd lid via mijn uitnodiging"),
            new(NotificationKinds.JointStart, "De gezamenlijke start (early birds)"),
            new(NotificationKinds.OpeningPlanned, "De feestelijke opening is gepland (early birds)"),
            new(NotificationKinds.Nudged, "Een moderator denkt dat ik kan helpen"),
            new(NotificationKinds.QuestionMerged, "Een vraag gaat verder bij een andere vraag"),
            new(NotificationKinds.ContentHidden, "Mijn bijdrage is verborgen door de moderatie"),
            new(NotificationKinds.ContentRestored, "Mijn bijdrage is weer zichtbaar"),
        ]),
    ];

    public static readonly IReadOnlyList<string> ChoosableKinds = Groups.SelectMany(g => g.Kinds).Select(k => k.Kind).ToList();
}

/// <summary>Every choosable kind with its choice; kinds left out are set to in-app only.</summary>
public sealed record SetNotificationPreferences(IReadOnlyDictionary<string, string?>? Preferences);

public sealed record NotificationPreferencesView(IReadOnlyDictionary<string, string> Preferences);

public static class NotificationPreferencesEndpoints
{
    public static Problem? CheckFields(SetNotificationPreferences command)
    {
        var rules = new FieldRules();
        foreach (var (kind, delivery) in command.Preferences ?? new Dictionary<string, string?>())
        {
            rules.Check(NotificationPreferences.ChoosableKinds.Contains(kind), $"preferences.{kind}", $"Onbekend soort melding: {kind}.")
                .Check(Deliveries.IsKnown(delivery), $"preferences.{kind}", "Kies inApp, immediate of digest.");
        }
        return rules.Problem;
    }

    public static Outcome<NotificationPreferences> Decide(SetNotificationPreferences command, Guid memberId, DateTimeOffset now) =>
        CheckFields(command) is { } invalid
            ? invalid
            : new NotificationPreferences(memberId,
                NotificationPreferences.ChoosableKinds.ToDictionary(k => k, k => command.Preferences?.GetValueOrDefault(k) ?? Deliveries.InApp), now);

    public static NotificationPreferencesView ToView(NotificationPreferences? preferences) =>
        new(NotificationPreferences.ChoosableKinds.ToDictionary(k => k, k => preferences?.For(k) ?? Deliveries.InApp));

    [Tags("Notifications")]
    [EndpointSummary("How I hear of each kind of notification: inApp, immediate (an e-mail at once) or digest (a daily e-mail).")]
    [ProducesResponseType(typeof(NotificationPreferencesView), 200)]
    [WolverineGet("/api/me/notification-preferences")]
    public static async Task<NotificationPreferencesView> Get(ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        ToView(await session.LoadAsync<NotificationPreferences>(user.MemberId(), ct));

    [Tags("Notifications")]
    [EndpointSummary("Choose per kind of notification: inApp, immediate or digest. Kinds left out become inApp.")]
    [ProducesResponseType(typeof(NotificationPreferencesView), 200)]
    [ProducesResponseType(typeof(HttpValidationProblemDetails), 400, "application/problem+json")]
    [WolverinePut("/api/me/notification-preferences")]
    public static async Task<IResult> Put(SetNotificationPreferences command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await SaveAsync(command, user.MemberId(), store, clock.GetUtcNow(), ct);
        return outcome.Problem?.ToResult() ?? Results.Ok(ToView(outcome.Value));
    }

    public static async Task<Outcome<NotificationPreferences>> SaveAsync(SetNotificationPreferences command, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        var outcome = Decide(command, memberId, now);
        if (outcome.Problem is not null) return outcome;
        await using var session = store.LightweightSession();
        session.Store(outcome.Value!);
        await session.SaveChangesAsync(ct);
        return outcome;
    }
}
