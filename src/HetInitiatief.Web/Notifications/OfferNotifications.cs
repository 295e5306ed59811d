using HetInitiatief.Coalitions;
using HetInitiatief.Offers;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;
using JasperFx.Events;

namespace HetInitiatief.Notifications;

/// <summary>Supply arriving for a coalition: an offer made or accepted, a session planned for it.</summary>
public sealed record OfferNews(Guid NewsId, Guid CoalitionId, string Kind, Guid ActorId, string Title, Guid? SessionId, DateTimeOffset At)
{
    public static OfferNews? From(IEvent e, IReadOnlyDictionary<Guid, Proposal> proposals) => e.Data switch
    {
        ProposalMade m => new(e.Id, m.CoalitionId, NotificationKinds.ProposalMade, m.ProposedBy, m.Title, null, m.MadeAt),
        ProposalAccepted a when proposals.GetValueOrDefault(a.ProposalId) is { } p => new(e.Id, p.CoalitionId, NotificationKinds.ProposalAccepted, a.AcceptedBy, p.Title, null, a.AcceptedAt),
        SessionScheduled { CoalitionId: { } coalitionId } s => new(e.Id, coalitionId, NotificationKinds.SessionForCoalition, s.HostId, s.Title, s.SessionId, s.ScheduledAt),
        _ => null,
    };
}

public static class OfferNotifications
{
    /// <summary>Every member of the coalition hears it, except whoever did it.</summary>
    public static IReadOnlyList<Notification> For(OfferNews news, CoalitionDetails coalition, string questionTitle)
    {
        var (text, link) = news.Kind switch
        {
            NotificationKinds.ProposalMade => ($"Nieuw aanbod voor de coalitie rond \"{questionTitle}\": \"{news.Title}\". Wat vind jij ervan?", $"/vragen/{coalition.QuestionId}#aanbod"),
            NotificationKinds.ProposalAccepted => ($"Het aanbod \"{news.Title}\" is aangenomen voor de coalitie rond \"{questionTitle}\".", $"/vragen/{coalition.QuestionId}#aanbod"),
            _ => ($"Er is een bijeenkomst gepland voor jouw coalitie: \"{news.Title}\". Leden gaan voor bij het aanmelden.", $"/bijeenkomsten/{news.SessionId}"),
        };
        return coalition.Members.Select(m => m.MemberId).Where(m => m != news.ActorId)
            .Select(m => new Notification(NotificationIds.For(news.NewsId, m), m, news.Kind, text, link, news.At, null)).ToList();
    }
}

public static class OfferNewsHandler
{
    public static async Task<IEnumerable<object>> Handle(OfferNews news, IDocumentSession session, CancellationToken ct)
    {
        var coalition = await session.LoadAsync<CoalitionDetails>(news.CoalitionId, ct);
        if (coalition is null) return [];
        var question = await session.LoadAsync<QuestionBoardItem>(coalition.QuestionId, ct);
        var notifications = OfferNotifications.For(news, coalition, question?.Title ?? "");
        return await session.StoreAndAnnounceAsync(notifications, ct);
    }
}
