using HetInitiatief.Coalitions;
using HetInitiatief.Members;
using HetInitiatief.Moderation;
using HetInitiatief.Questions;
using JasperFx.Events;

namespace HetInitiatief.Notifications;

/// <summary>
/// Something was said in the conversation on a question (doorvragen): a follow-up asked or answered, the question
/// sharpened or its goal set. Ids only: the handler reads the question as it is, and a message waiting in
/// Wolverine's tables holds no text.
/// </summary>
public sealed record QuestionNews(Guid NewsId, Guid QuestionId, string Change, Guid ActorId, Guid? FollowUpId, DateTimeOffset At)
{
    public const string Asked = "asked";
    public const string Answered = "answered";
    public const string Reformulated = "reformulated";
    public const string GoalSet = "goalSet";

    public static QuestionNews? From(IEvent e) => e.Data switch
    {
        FollowUpAsked f => new(e.Id, f.QuestionId, Asked, f.AskedBy, f.FollowUpId, f.AskedAt),
        FollowUpAnswered a => new(e.Id, a.QuestionId, Answered, a.AnsweredBy, a.FollowUpId, a.AnsweredAt),
        QuestionReformulated r => new(e.Id, r.QuestionId, Reformulated, r.ReformulatedBy, null, r.ReformulatedAt),
        Questions.GoalSet g => new(e.Id, g.QuestionId, GoalSet, g.SetBy, null, g.SetAt),
        _ => null,
    };
}

/// <summary>Who is part of a question's conversation besides its owner, as the handler found them.</summary>
/// <param name="Hidden">The question, or the follow-up the news is about, is hidden by the moderation.</param>
public sealed record QuestionAudience(IReadOnlyList<Guid> Followers, IReadOnlyList<Guid> CoalitionMembers, bool Hidden);

public static class QuestionNotifications
{
    /// <summary>
    /// Who hears of a change in the conversation, and what they read: a pure function of the news, the question as it
    /// is now and its audience. Nobody hears of their own act; a withdrawn or hidden question tells no one; a member
    /// who is both follower and asker hears it once, in the most personal way.
    /// </summary>
    public static IReadOnlyList<Notification> For(
        QuestionNews news, QuestionDetails question, QuestionAudience audience, string actorName)
    {
        if (question.Status != QuestionStatus.Open || audience.Hidden) return [];
        var title = Quote(question.Title);
        var followUp = question.FollowUps.FirstOrDefault(f => f.Id == news.FollowUpId);
        var place = followUp is null ? "" : $"#vervolgvraag-{followUp.Id}";
        var link = $"/vragen/{question.Id}";
        var personal = new List<(Guid Member, string Kind, string Text, string Link)>();

        switch (news.Change)
        {
            case QuestionNews.Asked when followUp is not null:
                personal.Add((question.OwnerId, NotificationKinds.FollowUpAsked,
                    $"{actorName} vraagt door op je vraag {title}: {Quote(Shorten(followUp.Text))}", link + place));
                personal.AddRange(audience.Followers.Select(f => (f, NotificationKinds.FollowedQuestionFollowUp,
                    $"{actorName} vraagt door op {title}, een vraag die je volgt.", link + place)));
                break;
            case QuestionNews.Answered when followUp is not null:
                personal.Add((followUp.AskedBy, NotificationKinds.FollowUpAnswered,
                    $"{actorName} beantwoordde je vervolgvraag op {title}: {Quote(Shorten(followUp.Answer ?? ""))}", link + place));
                break;
            case QuestionNews.Reformulated or QuestionNews.GoalSet:
                var text = news.Change == QuestionNews.GoalSet
                    ? $"De vraag {title} heeft nu een doel: {Quote(Shorten(question.Goal ?? ""))}"
                    : $"{actorName} heeft de vraag aangescherpt. Zo luidt ze nu: {title}";
                var anchor = news.Change == QuestionNews.GoalSet ? "#doel" : "#geschiedenis";
                var involved = question.FollowUps.Select(f => f.AskedBy).Concat(audience.Followers).Concat(audience.CoalitionMembers);
                personal.AddRange(involved.Select(m => (m, NotificationKinds.QuestionSharpened, text, link + anchor)));
                break;
        }

        return personal
            .Where(p => p.Member != news.ActorId)
            .DistinctBy(p => p.Member)
            .Select(p => new Notification(NotificationIds.For(news.NewsId, p.Member), p.Member, p.Kind, p.Text, p.Link, news.At, null))
            .ToList();
    }

    private static string Quote(string text) => $"\"{text}\"";

    /// <summary>A notification is a line in a list and a mail's subject matter, not the whole conversation.</summary>
    public static string Shorten(string text, int max = 140)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= max ? flat : flat[..(max - 1)].TrimEnd() + "…";
    }
}

public static class QuestionNewsHandler
{
    public static async Task<IEnumerable<object>> Handle(QuestionNews news, IDocumentSession session, CancellationToken ct)
    {
        var question = await session.LoadAsync<QuestionDetails>(news.QuestionId, ct);
        if (question is null) return [];
        var followers = await FollowQuestionEndpoints.FollowerIdsAsync(session, news.QuestionId, ct);
        var coalition = await session.LoadAsync<CoalitionDetails>(Coalition.IdFor(news.QuestionId), ct);
        var hidden = await HiddenContent.OnQuestionAsync(session, news.QuestionId, ct);
        var audience = new QuestionAudience(followers, coalition?.Members.Select(m => m.MemberId).ToList() ?? [],
            hidden.Any(h => h.ContentType == ContentTypes.Question || h.ContentId == news.FollowUpId));
        var actor = await session.LoadAsync<MemberProfile>(news.ActorId, ct);
        return await session.StoreAndAnnounceAsync(
            QuestionNotifications.For(news, question, audience, actor?.Name ?? "Iemand"), ct);
    }
}
