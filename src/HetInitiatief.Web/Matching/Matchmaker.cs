using HetInitiatief.Catalogue;
using HetInitiatief.Members;
using HetInitiatief.Moderation;
using HetInitiatief.Notifications;
using HetInitiatief.Questions;
using JasperFx.Events;

namespace HetInitiatief.Matching;

/// <summary>A question was posted: the makelfunctie looks for colleagues who know about it, and for similar questions.</summary>
public sealed record QuestionToMatch(Guid NewsId, Guid QuestionId, DateTimeOffset At)
{
    public static QuestionToMatch? From(IEvent e) => e.Data is QuestionPosted p ? new(e.Id, p.QuestionId, p.PostedAt) : null;
}

/// <summary>One colleague the makelfunctie wants to bring to a question, before their preferences and cap are applied.</summary>
public sealed record MatchCandidate(
    Guid MemberId, string Reason, IReadOnlyList<string> Themes, Guid? TheirQuestionId = null, string? TheirTitle = null);

/// <summary>
/// The makelfunctie without a moderator: when a question is posted, members and providers who offer its theme are
/// asked for their expertise (within their weekly cap, unless they switched it off), and the owners of similar open
/// questions hear of it, so two teachers with the same question meet. Every match is an event on the matched
/// member's stream, so the health dashboard can count what the platform brought about by itself.
/// </summary>
public static class Matchmaker
{
    /// <summary>So that one question never reaches every teacher who ever asked something alike.</summary>
    public const int SimilarOwnersPerQuestion = 3;

    public static Guid MatchIdFor(Guid questionId, Guid memberId, string reason) =>
        NotificationIds.For(questionId, $"match:{reason}:{memberId:N}");

    /// <summary>Who the platform brings to a new question: a pure function of the question, experts and similar questions.</summary>
    public static IReadOnlyList<MatchCandidate> Candidates(
        QuestionDetails question, IReadOnlyList<Expert> experts, IReadOnlyList<SimilarQuestion> similar)
    {
        if (question.Status != QuestionStatus.Open) return [];
        var candidates = experts.Where(e => e.Member.Id != question.OwnerId)
            .Select(e => new MatchCandidate(e.Member.Id, e.Reason, e.Themes)).ToList();
        candidates.AddRange(similar.Where(s => s.Owner.Id != question.OwnerId && s.Id != question.Id)
            .DistinctBy(s => s.Owner.Id).Take(SimilarOwnersPerQuestion)
            .Select(s => new MatchCandidate(s.Owner.Id, MatchReasons.SimilarQuestion, [], s.Id, s.Title)));
        return candidates;
    }

    public static Notification Notification(
        MatchCandidate candidate, Guid matchId, QuestionDetails question, string ownerName, DateTimeOffset at)
    {
        var themes = string.Join(" en ", candidate.Themes.Select(t => $"\"{Themes.Name(t)}\""));
        var (kind, text, link) = candidate.Reason switch
        {
            MatchReasons.SimilarQuestion => (NotificationKinds.SimilarQuestionPosted,
                $"{ownerName} stelt een vraag die lijkt op jouw vraag \"{candidate.TheirTitle}\": \"{question.Title}\". " +
                "Koppel jullie vragen, dan vinden jullie elkaar.",
                $"/vragen/{candidate.TheirQuestionId}#lijkt-op"),
            MatchReasons.ProvidesTheme => (NotificationKinds.ExpertiseRequested,
                $"Je expertise wordt gevraagd: {ownerName} stelde een vraag over {themes}, waarvoor je aanbieder bent: " +
                $"\"{question.Title}\"",
                $"/vragen/{question.Id}"),
            _ => (NotificationKinds.ExpertiseRequested,
                $"Je expertise wordt gevraagd: {ownerName} stelde een vraag over {themes}, wat je op je profiel aanbiedt: " +
                $"\"{question.Title}\"",
                $"/vragen/{question.Id}"),
        };
        return new Notification(NotificationIds.For(matchId, candidate.MemberId), candidate.MemberId, kind, text, link, at, null);
    }
}

public static class MatchmakerHandler
{
    public static async Task<IEnumerable<object>> Handle(
        QuestionToMatch news, IDocumentSession session, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        // A match happens when it is made, not when the question was posted: the cap counts the week before now.
        var now = clock.GetUtcNow();
        var question = await session.LoadAsync<QuestionDetails>(news.QuestionId, ct);
        if (question is null || question.Status != QuestionStatus.Open) return [];
        if (await HiddenContent.IsQuestionHiddenAsync(session, question.Id, ct)) return [];

        var experts = await Expertise.ForThemesAsync(session, question.Themes, question.OwnerId, ct);
        var similar = await SimilarQuestions.FindAsync(
            session, $"{question.Title} {question.Context}", question.Themes, question.Id, [], ct, closely: true);
        var candidates = Matchmaker.Candidates(question, experts, similar);
        if (candidates.Count == 0) return [];

        var members = candidates.Select(c => c.MemberId).Distinct().ToList();
        var preferences = (await session.LoadManyAsync<NotificationPreferences>(ct, members)).ToDictionary(p => p.Id);
        var askedThisWeek = await RequestsInWeekBeforeAsync(session, members, now, ct);
        var owner = (await session.LoadAsync<MemberProfile>(question.OwnerId, ct))?.Name ?? "Een collega";
        // A message handled again finds the matches it made the first time, and tells them under the same ids.
        var made = (await session.Query<Match>().Where(m => m.QuestionId == question.Id).Select(m => m.Id).ToListAsync(ct))
            .ToHashSet();
        var notifications = new List<Notification>();
        foreach (var candidate in candidates.DistinctBy(c => c.MemberId))
        {
            var matchId = Matchmaker.MatchIdFor(question.Id, candidate.MemberId, candidate.Reason);
            if (made.Contains(matchId))
            {
                notifications.Add(Matchmaker.Notification(candidate, matchId, question, owner, now));
                continue;
            }
            var memberPreferences = preferences.GetValueOrDefault(candidate.MemberId);
            var cap = memberPreferences?.ExpertiseCap ?? NotificationPreferences.DefaultExpertiseRequestsPerWeek;
            var kind = candidate.Reason == MatchReasons.SimilarQuestion
                ? NotificationKinds.SimilarQuestionPosted
                : NotificationKinds.ExpertiseRequested;
            if (NotificationPreferences.DeliveryFor(memberPreferences, kind) == Deliveries.Off) continue;
            // Most experts of a busy theme reached their cap long ago: skip them without locking their stream.
            var capped = ExpertiseRequests.CountsTowardsCap(candidate.Reason);
            if (capped && askedThisWeek.GetValueOrDefault(candidate.MemberId) >= cap) continue;

            if (await MatchAsync(store, candidate, matchId, question.Id, cap, now, ct))
                notifications.Add(Matchmaker.Notification(candidate, matchId, question, owner, now));
        }
        return await session.StoreAndAnnounceAsync(notifications, ct);
    }

    private static async Task<IReadOnlyDictionary<Guid, int>> RequestsInWeekBeforeAsync(
        IQuerySession session, IReadOnlyList<Guid> members, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - ExpertiseRequests.Week;
        var ids = members.Distinct().ToArray();
        var recent = await session.Query<Match>()
            .Where(m => m.MemberId.IsOneOf(ids) && m.Notified && m.At > since && m.MatchedBy == null
                        && (m.Reason == MatchReasons.OffersTheme || m.Reason == MatchReasons.ProvidesTheme))
            .Select(m => m.MemberId).ToListAsync(ct);
        return recent.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>
    /// Records the match on the member's own stream, in its own transaction, so the weekly cap is decided with the
    /// member's stream locked. A retried message finds the match already made and tells it again, under the same id.
    /// </summary>
    private static async Task<bool> MatchAsync(
        IDocumentStore store, MatchCandidate candidate, Guid matchId, Guid questionId, int cap, DateTimeOffset at,
        CancellationToken ct)
    {
        var told = false;
        var outcome = await EventStreams.DecideAsync<ExpertiseRequests>(store, candidate.MemberId, null, received =>
        {
            var decision = ExpertiseRequests.Decide(
                received, candidate.MemberId, matchId, questionId, null, candidate.Reason, wantsToHear: true, cap, at);
            told = decision.Events.Count > 0 || received.Matches.Any(m => m.MatchId == matchId);
            return decision;
        }, "Dit account bestaat niet meer.", ct);
        return outcome.Problem is null && told;
    }
}
