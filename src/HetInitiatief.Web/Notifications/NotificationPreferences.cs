namespace HetInitiatief.Notifications;

/// <summary>How a member hears of one kind of notification.</summary>
public static class Deliveries
{
    public const string Off = "off";
    public const string InApp = "inApp";
    public const string Immediate = "immediate";
    public const string Digest = "digest";

    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        (Off, "Uit"),
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
/// A kind without a choice gets its default (<see cref="Defaults"/>): in the app only, except the conversation on
/// one's own question, which a teacher who closed the tab must still hear of, and news from the makelfunctie, which
/// comes in the daily digest so it never floods.
/// </summary>
public sealed record NotificationPreferences(
    Guid Id, IReadOnlyDictionary<string, string> Kinds, DateTimeOffset UpdatedAt, int? ExpertiseRequestsPerWeek = null)
{
    public string For(string kind) => Kinds.GetValueOrDefault(kind, Default(kind));

    /// <summary>How many times a week at most the platform asks a member for their expertise.</summary>
    public int ExpertiseCap => ExpertiseRequestsPerWeek ?? DefaultExpertiseRequestsPerWeek;

    public const int DefaultExpertiseRequestsPerWeek = 3;
    public const int MaxExpertiseRequestsPerWeek = 20;

    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>
    {
        [NotificationKinds.FollowUpAsked] = Deliveries.Immediate,
        [NotificationKinds.FollowUpAnswered] = Deliveries.Immediate,
        [NotificationKinds.QuestionSharpened] = Deliveries.Digest,
        [NotificationKinds.FollowedQuestionFollowUp] = Deliveries.Digest,
        [NotificationKinds.NewQuestionInTheme] = Deliveries.Digest,
        [NotificationKinds.ExpertiseRequested] = Deliveries.Digest,
        [NotificationKinds.SimilarQuestionPosted] = Deliveries.Digest,
        [NotificationKinds.CoalitionNeedsYou] = Deliveries.Digest,
    };

    public static string Default(string kind) => Defaults.GetValueOrDefault(kind, Deliveries.InApp);

    public static string DeliveryFor(NotificationPreferences? preferences, string kind) => preferences?.For(kind) ?? Default(kind);

    /// <summary>The kinds a member can choose for, in the groups the page shows them in.</summary>
    public static readonly IReadOnlyList<NotificationKindGroup> Groups =
    [
        new("Doorvragen", [
            new(NotificationKinds.FollowUpAsked, "Iemand vraagt door op mijn vraag"),
            new(NotificationKinds.FollowUpAnswered, "Mijn vervolgvraag is beantwoord"),
            new(NotificationKinds.QuestionSharpened, "Een vraag waarop ik doorvroeg, die ik volg of waarvan ik in de coalitie zit, is aangescherpt"),
            new(NotificationKinds.FollowedQuestionFollowUp, "Iemand vraagt door op een vraag die ik volg"),
        ]),
        new("Jouw thema's en expertise", [
            new(NotificationKinds.NewQuestionInTheme, "Een nieuwe vraag in een thema dat ik volg"),
            new(NotificationKinds.ExpertiseRequested, "Mijn expertise wordt gevraagd bij een nieuwe vraag"),
            new(NotificationKinds.SimilarQuestionPosted, "Een collega stelt een vraag die op de mijne lijkt"),
            new(NotificationKinds.CoalitionNeedsYou, "Een coalitie in mijn thema komt bijna aan genoeg partners"),
        ]),
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
        new("Na de bijeenkomst", [
            new(NotificationKinds.TrialAgreed, "Mijn coalitie spreekt een proef af"),
            new(NotificationKinds.TrialReviewed, "Een coalitie blikt terug op een proef"),
            new(NotificationKinds.CriteriaProposed, "Er zijn afrondingscriteria voorgesteld om mee in te stemmen"),
            new(NotificationKinds.InitiativeCompleted, "Een initiatief is afgerond"),
            new(NotificationKinds.InitiativeUpdate, "Een update over een initiatief dat ik volg"),
        ]),
        new("Het netwerk", [
            new(NotificationKinds.InviteAccepted, "Een collega werd lid via mijn uitnodiging"),
            new(NotificationKinds.CoAuthorInvited, "Iemand nodigt mij uit als co-auteur in de kennisbank"),
            new(NotificationKinds.JointStart, "De gezamenlijke start (early birds)"),
            new(NotificationKinds.OpeningPlanned, "De feestelijke opening is gepland (early birds)"),
            new(NotificationKinds.Nudged, "Een moderator denkt dat ik kan helpen"),
            new(NotificationKinds.QuestionMerged, "Een vraag gaat verder bij een andere vraag"),
            new(NotificationKinds.MergeProposed, "Een moderator stelt voor mijn vraag samen te voegen met een andere"),
            new(NotificationKinds.ContentHidden, "Mijn bijdrage is verborgen door de moderatie"),
            new(NotificationKinds.ContentRestored, "Mijn bijdrage is weer zichtbaar"),
        ]),
    ];

    public static readonly IReadOnlyList<string> ChoosableKinds = Groups.SelectMany(g => g.Kinds).Select(k => k.Kind).ToList();
}

/// <summary>
/// Every choosable kind with its choice; kinds left out get their default. <c>ExpertiseRequestsPerWeek</c>: how
/// often at most the platform may ask for the member's expertise (1 to 20; left out: 3). Switching
/// <c>expertiseRequested</c> off is the opt-out.
/// </summary>
public sealed record SetNotificationPreferences(IReadOnlyDictionary<string, string?>? Preferences, int? ExpertiseRequestsPerWeek = null);

public sealed record NotificationPreferencesView(IReadOnlyDictionary<string, string> Preferences, int ExpertiseRequestsPerWeek);

public static class NotificationPreferencesEndpoints
{
    public static Problem? CheckFields(SetNotificationPreferences command)
    {
        var rules = new FieldRules();
        foreach (var (kind, delivery) in command.Preferences ?? new Dictionary<string, string?>())
        {
            rules.Check(NotificationPreferences.ChoosableKinds.Contains(kind), $"preferences.{kind}", $"Onbekend soort melding: {kind}.")
                .Check(Deliveries.IsKnown(delivery), $"preferences.{kind}", "Kies off, inApp, immediate of digest.");
        }
        rules.Check(command.ExpertiseRequestsPerWeek is null or >= 1 and <= NotificationPreferences.MaxExpertiseRequestsPerWeek,
            "expertiseRequestsPerWeek",
            $"Kies hoe vaak per week we je expertise mogen vragen: 1 tot {NotificationPreferences.MaxExpertiseRequestsPerWeek} keer. "
            + "Wil je helemaal niet gevraagd worden? Zet die melding dan uit.");
        return rules.Problem;
    }

    public static Outcome<NotificationPreferences> Decide(SetNotificationPreferences command, Guid memberId, DateTimeOffset now) =>
        CheckFields(command) is { } invalid
            ? invalid
            : new NotificationPreferences(memberId,
                NotificationPreferences.ChoosableKinds.ToDictionary(
                    k => k, k => command.Preferences?.GetValueOrDefault(k) ?? NotificationPreferences.Default(k)),
                now, command.ExpertiseRequestsPerWeek);

    public static NotificationPreferencesView ToView(NotificationPreferences? preferences) =>
        new(NotificationPreferences.ChoosableKinds.ToDictionary(k => k, k => NotificationPreferences.DeliveryFor(preferences, k)),
            preferences?.ExpertiseCap ?? NotificationPreferences.DefaultExpertiseRequestsPerWeek);

    [EndpointSummary("How I hear of each kind of notification: off, inApp, immediate (an e-mail at once) or digest (a daily e-mail).")]
    [WolverineGet("/api/me/notification-preferences")]
    public static async Task<Answer<NotificationPreferencesView>> Get(
        ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        ToView(await session.LoadAsync<NotificationPreferences>(user.MemberId(), ct));

    [EndpointSummary("Choose per kind of notification: off, inApp, immediate or digest (kinds left out get their default), and how often a week you may be asked for your expertise.")]
    [Members.AllowUnconfirmed]
    [WolverinePut("/api/me/notification-preferences")]
    [Refuses(400)]
    public static async Task<Answer<NotificationPreferencesView>> Put(
        SetNotificationPreferences command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var outcome = await SaveAsync(command, user.MemberId(), store, clock.GetUtcNow(), ct);
        return outcome.Answer(ToView);
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
