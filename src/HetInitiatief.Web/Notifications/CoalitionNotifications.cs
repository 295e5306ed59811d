using System.Security.Cryptography;
using HetInitiatief.Coalitions;
using HetInitiatief.Initiative;
using HetInitiatief.Members;
using HetInitiatief.Questions;
using JasperFx.Events;

namespace HetInitiatief.Notifications;

/// <summary>Something happened to a coalition that members should hear about.</summary>
/// <remarks><c>Detail</c> is the position someone joined or left in, or why a coalition closed.</remarks>
public sealed record CoalitionNews(Guid NewsId, Guid CoalitionId, string Kind, Guid? ActorId, string? Detail, DateTimeOffset At, Guid? SubjectId = null)
{
    private static string Snippet(string text) => text.Length <= 140 ? text : text[..137] + "…";

    public static CoalitionNews? From(IEvent e) => e.Data switch
    {
        MemberJoinedCoalition j => new(e.Id, j.CoalitionId, NotificationKinds.JoinedMyCoalition, j.MemberId, j.Position, j.JoinedAt),
        CoalitionThresholdReached t => new(e.Id, t.CoalitionId, NotificationKinds.ThresholdReached, null, null, t.ReachedAt),
        CoalitionClosed c => new(e.Id, c.CoalitionId, NotificationKinds.Closed, null, c.Reason, c.ClosedAt),
        MemberLeftCoalition { Position: Positions.Initiator } l => new(e.Id, l.CoalitionId, NotificationKinds.InitiatorLeft, l.MemberId, l.Position, l.LeftAt),
        InitiativeHandoverOffered h => new(e.Id, h.CoalitionId, NotificationKinds.HandoverOffered, h.OfferedBy, null, h.OfferedAt, h.OfferedTo),
        TrialAgreed t => new(e.Id, t.CoalitionId, NotificationKinds.TrialAgreed, t.AgreedBy, Shared.Display.Day(t.Until), t.AgreedAt),
        TrialReviewed r => new(e.Id, r.CoalitionId, NotificationKinds.TrialReviewed, r.ReviewedBy, null, r.ReviewedAt),
        CompletionCriteriaProposed c => new(e.Id, c.CoalitionId, NotificationKinds.CriteriaProposed, c.ProposedBy, null, c.ProposedAt),
        InitiativeCompleted c => new(e.Id, c.CoalitionId, NotificationKinds.InitiativeCompleted, c.CompletedBy, null, c.CompletedAt),
        InitiativeUpdatePosted u => new(e.Id, u.CoalitionId, NotificationKinds.InitiativeUpdate, u.PostedBy, Snippet(u.Text), u.PostedAt),
        _ => null,
    };
}

/// <summary>The live push of a new notification to its member.</summary>
public sealed record NotificationAdded(Guid MemberId, Guid NotificationId, string Kind, string Text, string Link);

public static class NotificationIds
{
    /// <summary>The same news for the same member always gets the same id, so a retried message stores it once.</summary>
    public static Guid For(Guid a, object b)
    {
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{a:N}:{b}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}

public static class CoalitionNotifications
{
    /// <summary>Who hears about the news, and what they read: a pure function of the news and the coalition as it is now.</summary>
    public static IReadOnlyList<Notification> For(CoalitionNews news, CoalitionDetails coalition, string questionTitle, IReadOnlyList<Guid> followers, string? actorName)
    {
        var link = $"/vragen/{coalition.QuestionId}#coalitie";
        var members = coalition.Members.Select(m => m.MemberId).ToList();
        var (recipients, text) = news.Kind switch
        {
            NotificationKinds.JoinedMyCoalition => (
                coalition.SeeksInitiator || coalition.InitiatorId == news.ActorId ? [] : new List<Guid> { coalition.InitiatorId },
                $"{actorName ?? "Iemand"} doet mee met je coalitie als {(Positions.Singular.TryGetValue(news.Detail ?? "", out var position) ? position : news.Detail)}: \"{questionTitle}\""),
            NotificationKinds.ThresholdReached => (
                members.Union(followers).ToList(),
                $"De coalitie rond \"{questionTitle}\" is groot genoeg: {coalition.Partners} van {coalition.Threshold} partners. Tijd voor een aanbod!"),
            NotificationKinds.ClosingSoon => (
                members,
                $"Nog 48 uur: de coalitie rond \"{questionTitle}\" heeft nog {Math.Max(0, coalition.Threshold - coalition.Partners)} partners nodig."),
            // A merge tells everyone where the conversation continues (MergeNews); a second message would only confuse.
            NotificationKinds.Closed when news.Detail == CoalitionClosed.QuestionMerged => ([], ""),
            NotificationKinds.Closed => (
                members.Union(followers).ToList(),
                news.Detail == CoalitionClosed.QuestionWithdrawn
                    ? $"De coalitie rond \"{questionTitle}\" is gesloten: de vraag is ingetrokken."
                    : $"De coalitie rond \"{questionTitle}\" is gesloten: de drempel van {coalition.Threshold} partners werd niet op tijd gehaald."),
            NotificationKinds.InitiatorLeft => (
                coalition.Members.Where(m => m.Position == Positions.Partner).Select(m => m.MemberId).ToList(),
                $"De initiatiefnemer van \"{questionTitle}\" is gestopt. De coalitie zoekt een nieuwe initiatiefnemer: neem jij het over?"),
            NotificationKinds.HandoverOffered => (
                news.SubjectId is { } to ? [to] : new List<Guid>(),
                $"{actorName ?? "De initiatiefnemer"} vraagt of jij het initiatief voor \"{questionTitle}\" wilt overnemen."),
            NotificationKinds.TrialAgreed => (
                members,
                $"Jullie coalitie \"{questionTitle}\" probeert iets uit, tot {news.Detail}. Deel wat er gebeurt."),
            NotificationKinds.TrialReviewed => (
                members.Union(followers).ToList(),
                $"De coalitie rond \"{questionTitle}\" blikte terug op een proef: lees wat goed ging en wat nu."),
            NotificationKinds.CriteriaProposed => (
                coalition.Members.Where(m => Positions.CountsTowardThreshold(m.Position)).Select(m => m.MemberId).ToList(),
                $"{actorName ?? "Iemand"} stelt voor wanneer \"{questionTitle}\" af is. Ben je het eens?"),
            NotificationKinds.InitiativeCompleted => (
                members.Union(followers).ToList(),
                $"Het initiatief rond \"{questionTitle}\" is afgerond. Gefeliciteerd!"),
            NotificationKinds.InitiativeUpdate => (
                members.Union(followers).ToList(),
                $"Update over \"{questionTitle}\" van {actorName ?? "een lid"}: {news.Detail}"),
            _ => (new List<Guid>(), ""),
        };
        return recipients.Where(r => r != news.ActorId)
            .Select(r => new Notification(NotificationIds.For(news.NewsId, r), r, news.Kind, text, link, news.At, null))
            .ToList();
    }
}

public static class CoalitionNewsHandler
{
    public static async Task<IEnumerable<object>> Handle(CoalitionNews news, IDocumentSession session, CancellationToken ct)
    {
        var coalition = await session.LoadAsync<CoalitionDetails>(news.CoalitionId, ct);
        if (coalition is null) return [];
        var question = await session.LoadAsync<QuestionBoardItem>(coalition.QuestionId, ct);
        var followers = await FollowQuestionEndpoints.FollowerIdsAsync(session, coalition.QuestionId, ct);
        var actor = news.ActorId is { } actorId ? await session.LoadAsync<MemberProfile>(actorId, ct) : null;

        var notifications = CoalitionNotifications.For(news, coalition, question?.Title ?? "", followers, actor?.Name);
        return await session.StoreAndAnnounceAsync(notifications, ct);
    }
}
