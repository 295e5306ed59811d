using HetInitiatief.Catalogue;
using HetInitiatief.Coalitions;
using HetInitiatief.Matching;
using HetInitiatief.Members;
using HetInitiatief.Moderation;
using HetInitiatief.Questions;
using JasperFx.Events;

namespace HetInitiatief.Notifications;

/// <summary>A question was posted: members who follow one of its themes hear of it.</summary>
public sealed record ThemeNews(Guid NewsId, Guid QuestionId, Guid PostedBy, IReadOnlyList<string> Themes, string Sector, DateTimeOffset At)
{
    public static ThemeNews? From(IEvent e) =>
        e.Data is QuestionPosted p ? new(e.Id, p.QuestionId, p.PostedBy, p.Themes, p.Sector, p.PostedAt) : null;
}

/// <summary>A coalition's meter moved to one or two partners short of its threshold: time to invite theme followers.</summary>
public sealed record CoalitionShortNews(Guid NewsId, Guid CoalitionId, int Short, DateTimeOffset At)
{
    /// <summary>From an event and the coalition as the same commit left it; only a join, leave or position change moves the meter.</summary>
    public static CoalitionShortNews? From(IEvent e, CoalitionDetails coalition)
    {
        DateTimeOffset? at = e.Data switch
        {
            MemberJoinedCoalition j => j.JoinedAt,
            MemberLeftCoalition l => l.LeftAt,
            CoalitionPositionChanged c => c.ChangedAt,
            _ => null,
        };
        return at is { } moment && ThemeNotifications.PartnersShort(coalition) is { } missing
            ? new(e.Id, coalition.Id, missing, moment)
            : null;
    }
}

public static class ThemeNotifications
{
    /// <summary>
    /// Who hears of a new question: every member who follows one of its themes (within the sectors they follow, if any),
    /// once, however many of its themes they follow; never the poster, and nobody when the question is withdrawn or hidden.
    /// </summary>
    public static IReadOnlyList<Notification> For(ThemeNews news, string title, bool visible, IReadOnlyList<MemberProfile> followers)
    {
        if (!visible) return [];
        return followers.Where(m => m.Id != news.PostedBy).DistinctBy(m => m.Id)
            .Select(m => (Member: m, Themes: m.FollowedThemesOf(news.Themes, news.Sector)))
            .Where(x => x.Themes.Count > 0)
            .Select(x => new Notification(NotificationIds.For(news.NewsId, x.Member.Id), x.Member.Id, NotificationKinds.NewQuestionInTheme,
                $"Nieuwe vraag in {Names(x.Themes)}: \"{title}\"", $"/vragen/{news.QuestionId}", news.At, null))
            .ToList();
    }

    /// <summary>How many partners an open coalition still needs, when that is one or two: the moment to invite.</summary>
    public static int? PartnersShort(CoalitionDetails coalition) =>
        coalition.Status == CoalitionStatus.Open && coalition.Threshold - coalition.Partners is var missing and (1 or 2)
            ? missing
            : null;

    /// <summary>The same member and coalition always give the same id: the match and its notification are made once, ever.</summary>
    public static Guid InvitationId(Guid coalitionId, Guid memberId) => NotificationIds.For(coalitionId, "coalitionNeedsYou:" + memberId);

    /// <summary>
    /// Who is invited to a coalition that is one or two partners short: members who follow one of the question's themes,
    /// are not in the coalition, do not own the question, and were not invited to it before.
    /// </summary>
    public static IReadOnlyList<Notification> Invitations(
        CoalitionShortNews news, CoalitionDetails coalition, QuestionBoardItem question, bool hidden,
        IReadOnlyList<MemberProfile> followers, IReadOnlySet<Guid> alreadyInvited)
    {
        if (hidden || question.Status != QuestionStatus.Open || PartnersShort(coalition) is not { } missing) return [];
        var inIt = coalition.Members.Select(m => m.MemberId).Append(question.OwnerId).ToHashSet();
        var text = $"De coalitie rond \"{question.Title}\" heeft nog {missing} {(missing == 1 ? "partner" : "partners")} nodig. Doe je mee?";
        return followers.DistinctBy(m => m.Id)
            .Where(m => !inIt.Contains(m.Id) && !alreadyInvited.Contains(m.Id))
            .Where(m => m.FollowedThemesOf(question.Themes, question.Sector).Count > 0)
            .Select(m => new Notification(InvitationId(coalition.Id, m.Id), m.Id, NotificationKinds.CoalitionNeedsYou, text,
                $"/vragen/{question.Id}#coalitie", news.At, null))
            .ToList();
    }

    /// <summary>Members who follow any of these themes; the pure functions above narrow it further.</summary>
    public static async Task<IReadOnlyList<MemberProfile>> FollowersAsync(IQuerySession session, IReadOnlyList<string> themes, CancellationToken ct)
    {
        var codes = themes.ToArray();
        return await session.Query<MemberProfile>().Where(m => m.FollowedThemes!.Any(t => codes.Contains(t))).ToListAsync(ct);
    }

    private static string Names(IReadOnlyList<string> themes)
    {
        var names = themes.Select(t => $"\"{Themes.Name(t)}\"").ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " en " + names[^1];
    }
}

public static class ThemeNewsHandler
{
    public static async Task<IEnumerable<object>> Handle(ThemeNews news, IDocumentSession session, CancellationToken ct)
    {
        var question = await session.LoadAsync<QuestionBoardItem>(news.QuestionId, ct);
        if (question is null) return [];
        var visible = question.Status == QuestionStatus.Open && !await HiddenContent.IsQuestionHiddenAsync(session, question.Id, ct);
        var followers = await ThemeNotifications.FollowersAsync(session, news.Themes, ct);
        return await session.StoreAndAnnounceAsync(ThemeNotifications.For(news, question.Title, visible, followers), ct);
    }
}

/// <summary>
/// Invites theme followers to a coalition that is nearly there. Runs on its own sequential queue, so two "short"
/// moments of one coalition are never handled at once: the second sees the first's invitations and adds none.
/// </summary>
public static class CoalitionShortNewsHandler
{
    public static async Task<IEnumerable<object>> Handle(CoalitionShortNews news, IDocumentSession session, CancellationToken ct)
    {
        var coalition = await session.LoadAsync<CoalitionDetails>(news.CoalitionId, ct);
        if (coalition is null) return [];
        var question = await session.LoadAsync<QuestionBoardItem>(coalition.QuestionId, ct);
        if (question is null) return [];
        var hidden = await HiddenContent.IsQuestionHiddenAsync(session, question.Id, ct);
        var followers = await ThemeNotifications.FollowersAsync(session, question.Themes, ct);
        var alreadyInvited = await AlreadyInvitedAsync(session, coalition.Id, followers, ct);

        var invitations = ThemeNotifications.Invitations(news, coalition, question, hidden, followers, alreadyInvited);
        if (invitations.Count == 0) return [];
        var preferences = (await session.LoadManyAsync<NotificationPreferences>(ct, invitations.Select(n => n.MemberId)))
            .ToDictionary(p => p.Id);
        // Every match is recorded, also when the member switched this kind off: the match was made, they were just not told.
        foreach (var invitation in invitations)
        {
            var notified = NotificationPreferences.DeliveryFor(preferences.GetValueOrDefault(invitation.MemberId), invitation.Kind) != Deliveries.Off;
            session.Events.Append(invitation.MemberId, new MemberMatched(invitation.MemberId, invitation.Id, question.Id, coalition.Id,
                MatchReasons.FollowsTheme, null, notified, news.At));
        }
        return await session.StoreAndAnnounceAsync(invitations, ct);
    }

    /// <summary>
    /// Followers this coalition already invited: their match (id = the invitation's) is recorded with every invitation,
    /// in the same transaction, also when they switched the kind off and no notification was stored.
    /// </summary>
    private static async Task<IReadOnlySet<Guid>> AlreadyInvitedAsync(
        IQuerySession session, Guid coalitionId, IReadOnlyList<MemberProfile> followers, CancellationToken ct)
    {
        if (followers.Count == 0) return new HashSet<Guid>();
        var ids = followers.Select(m => ThemeNotifications.InvitationId(coalitionId, m.Id)).Distinct().ToArray();
        return (await session.LoadManyAsync<Match>(ct, ids)).Select(m => m.MemberId).ToHashSet();
    }
}
