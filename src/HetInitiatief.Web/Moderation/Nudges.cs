using HetInitiatief.Coalitions;
using HetInitiatief.Members;
using HetInitiatief.Notifications;
using HetInitiatief.Questions;
using JasperFx.Events;

namespace HetInitiatief.Moderation;

/// <summary>A member the radar suggests nudging, and why.</summary>
public sealed record NudgeSuggestion(Guid MemberId, string Name, string Reason);

public sealed record NudgeAudience(string Audience, string Name, IReadOnlyList<NudgeSuggestion> Members);

public sealed record Nudge(string? Audience, IReadOnlyList<Guid>? MemberIds, string? Message);

/// <summary>
/// Moderators do not organise; they point the right people at each other. The radar suggests three
/// audiences: the owner (or initiator), members with similar questions, and members and providers
/// whose profile offers the theme.
/// </summary>
public static class Nudges
{
    public const string Owner = "owner";
    public const string Similar = "similar";
    public const string Expertise = "expertise";

    public static readonly IReadOnlyDictionary<string, string> AudienceNames = new Dictionary<string, string>
    {
        [Owner] = "de vraagsteller", [Similar] = "leden met een vergelijkbare vraag", [Expertise] = "leden en aanbieders met deze expertise",
    };

    public static Decision Decide(RadarItemLog log, RadarItem item, Nudge command, IReadOnlyList<NudgeAudience> suggestions, MemberProfile moderator, DateTimeOffset now)
    {
        var invalid = new FieldRules()
            .Check(command.Audience is not null && AudienceNames.ContainsKey(command.Audience), "audience", "Kies wie je port: owner, similar of expertise.")
            .OptionalText("message", command.Message, "je bericht", 500)
            .Problem;
        if (invalid is not null) return invalid;
        var allowed = suggestions.Single(s => s.Audience == command.Audience).Members.Select(m => m.MemberId).ToList();
        var recipients = command.MemberIds is { Count: > 0 } chosen ? chosen.Distinct().ToList() : allowed;
        if (recipients.Any(r => !allowed.Contains(r))) return Problem.Invalid("memberIds", "Kies leden uit de suggesties van de radar.");
        if (recipients.Count == 0) return Problem.Invalid("audience", "De radar weet hier niemand voor; kies een andere groep.");
        return Decision.Accept(new RadarItemNudged(log.Id, log.Key, item.Title, item.Link, moderator.Id, command.Audience!, recipients,
            string.IsNullOrWhiteSpace(command.Message) ? null : command.Message.Trim(), now, item.QuestionId));
    }

    public static async Task<IReadOnlyList<NudgeAudience>> SuggestAsync(IQuerySession session, RadarItem item, CancellationToken ct)
    {
        var question = item.QuestionId is { } id ? await session.LoadAsync<QuestionDetails>(id, ct) : null;
        var themes = question?.Themes ?? (item.Theme is { } theme ? [theme] : []);
        var exclude = question is null ? Guid.Empty : question.OwnerId;

        var owners = new List<NudgeSuggestion>();
        if (question is not null)
        {
            var coalition = await session.LoadAsync<CoalitionDetails>(Coalition.IdFor(question.Id), ct);
            var ownerIds = new[] { question.OwnerId }.Concat(coalition is { SeeksInitiator: false } ? [coalition.InitiatorId] : []).Distinct().ToArray();
            owners.AddRange((await session.LoadManyAsync<MemberProfile>(ct, ownerIds)).Select(m => new NudgeSuggestion(m.Id, m.Name, "stelde de vraag")));
        }

        var similar = question is null ? [] : await SimilarQuestions.FindAsync(session, $"{question.Title} {question.Context}", question.Themes, question.Id, [], ct);
        var similarOwners = similar.Where(s => s.Owner.Id != exclude).GroupBy(s => s.Owner.Id)
            .Select(g => new NudgeSuggestion(g.Key, g.First().Owner.Name, $"vroeg \"{g.First().Title}\"")).ToList();
        var known = (await session.LoadManyAsync<MemberProfile>(ct, similarOwners.Select(s => s.MemberId))).Select(m => m.Id).ToHashSet();

        var experts = (await Matching.Expertise.ForThemesAsync(session, themes, exclude, ct))
            .Select(e => new NudgeSuggestion(e.Member.Id, e.Member.Name,
                e.Reason == Matching.MatchReasons.ProvidesTheme ? "aanbieder voor dit thema" : "biedt dit thema aan op het profiel"))
            .ToList();

        return
        [
            new(Owner, AudienceNames[Owner], owners),
            new(Similar, AudienceNames[Similar], similarOwners.Where(s => known.Contains(s.MemberId)).ToList()),
            new(Expertise, AudienceNames[Expertise], experts),
        ];
    }

    [EndpointSummary("Who the radar suggests nudging about an item: the owner, members with similar questions, members and providers with the expertise (moderators only).")]
    [WolverineGet("/api/moderation/radar/{id}/suggestions")]
    [Authorize(Policy = RolePolicies.Moderator)]
    [Refuses(404)]
    public static async Task<Answer<IReadOnlyList<NudgeAudience>>> Suggestions(
        Guid id, IQuerySession session, RadarSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var item = (await RadarEndpoints.ComputeAsync(session, settings, clock.GetUtcNow(), ct)).Items.FirstOrDefault(i => i.Id == id);
        return item is null ? Problem.NotFound("Dit punt staat (niet meer) op de radar.") : Answer.Of(await SuggestAsync(session, item, ct));
    }

    [EndpointSummary("Nudge members about a radar item: a friendly notification to the chosen audience, or the chosen members of it (moderators only).")]
    [WolverinePost("/api/moderation/radar/{id}/nudge")]
    [Authorize(Policy = RolePolicies.Moderator)]
    [Refuses(400, 404)]
    public static async Task<Answer<RadarItemLog>> Post(
        Guid id, Nudge command, ClaimsPrincipal user, IDocumentStore store, RadarSettings settings, TimeProvider clock,
        CancellationToken ct)
    {
        var outcome = await NudgeAsync(id, command, user, store, settings, clock.GetUtcNow(), ct);
        return outcome.Answer();
    }

    public static Task<Outcome<RadarItemLog>> NudgeAsync(Guid id, Nudge command, ClaimsPrincipal user, IDocumentStore store, RadarSettings settings, DateTimeOffset now, CancellationToken ct) =>
        RadarActionEndpoints.ActOnAsync(id, user, store, settings, now, async (query, item, moderator) =>
        {
            var suggestions = await SuggestAsync(query, item, ct);
            return log => Decide(log, item, command, suggestions, moderator, now);
        }, ct);
}

/// <summary>A nudge was committed: its recipients hear of it.</summary>
public sealed record NudgeNews(Guid NewsId, Guid ItemId, DateTimeOffset At)
{
    public static NudgeNews? From(IEvent e) => e.Data is RadarItemNudged n ? new(e.Id, n.ItemId, n.NudgedAt) : null;
}

public static class NudgeNewsHandler
{
    public static async Task<IEnumerable<object>> Handle(NudgeNews news, IDocumentSession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(news.ItemId, token: ct);
        if (events.FirstOrDefault(e => e.Id == news.NewsId)?.Data is not RadarItemNudged nudged) return [];
        var moderator = (await session.LoadAsync<MemberProfile>(nudged.NudgedBy, ct))?.Name ?? "Een moderator";
        var text = $"{moderator} denkt dat jij kunt helpen bij \"{nudged.Title}\".{(nudged.Message is { } m ? " " + m : "")}";
        await RecordMatchesAsync(session, news, nudged, ct);
        return await session.StoreAndAnnounceAsync(nudged.Recipients
            .Select(r => new Notification(NotificationIds.For(news.NewsId, r), r, NotificationKinds.Nudged, text, nudged.Link, nudged.NudgedAt, null)).ToList(), ct);
    }

    /// <summary>
    /// A nudge is a match a moderator made, recorded like the platform's own, so the health dashboard can weigh one
    /// against the other. Once per recipient, also when the message is handled again.
    /// </summary>
    private static async Task RecordMatchesAsync(IDocumentSession session, NudgeNews news, RadarItemNudged nudged, CancellationToken ct)
    {
        var matches = nudged.Recipients.ToDictionary(r => NotificationIds.For(news.NewsId, $"match:{r:N}"));
        var made = (await session.LoadManyAsync<Matching.Match>(ct, matches.Keys)).Select(m => m.Id).ToHashSet();
        foreach (var (matchId, member) in matches.Where(m => !made.Contains(m.Key)))
            session.Events.Append(member, new Matching.MemberMatched(
                member, matchId, nudged.QuestionId, null, Matching.MatchReasons.Nudged, nudged.NudgedBy, true, nudged.NudgedAt));
    }
}
