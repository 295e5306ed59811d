using HetInitiatief.Sessions;
using JasperFx.Events;

namespace HetInitiatief.Notifications;

/// <summary>Something happened to a session that its participants, or those waiting, should hear about.</summary>
public sealed record SessionNews(Guid NewsId, Guid SessionId, string Kind, Guid? MemberId, string? Detail, DateTimeOffset At)
{
    public static SessionNews? From(IEvent e) => e.Data switch
    {
        PromotedFromWaitlist p => new(e.Id, p.SessionId, NotificationKinds.Promoted, p.MemberId, null, p.PromotedAt),
        SessionConfirmed c => new(e.Id, c.SessionId, NotificationKinds.SessionConfirmed, null, null, c.ConfirmedAt),
        SessionCalledOff o => new(e.Id, o.SessionId, NotificationKinds.SessionCalledOff, null, o.Reason, o.CalledOffAt),
        SessionMoved m => new(e.Id, m.SessionId, NotificationKinds.SessionMoved, m.MovedBy, null, m.MovedAt),
        _ => null,
    };
}

public static class SessionNotifications
{
    /// <summary>Who hears what: the promoted member; everyone signed up or waiting when it goes ahead or not.</summary>
    public static IReadOnlyList<Notification> For(SessionNews news, Session session)
    {
        var link = $"/bijeenkomsten/{session.Id}";
        var everyone = session.Participants.Concat(session.Waitlist).ToList();
        var (recipients, text) = news.Kind switch
        {
            NotificationKinds.Promoted => (
                news.MemberId is { } promoted ? [promoted] : new List<Guid>(),
                $"Er is een plek vrijgekomen: je bent nu aangemeld voor \"{session.Title}\"."),
            NotificationKinds.SessionConfirmed => (
                everyone,
                $"\"{session.Title}\" gaat door: {session.Participants.Count} deelnemers. Tot {Shared.Display.Moment(session.StartsAt)}!"),
            NotificationKinds.SessionCalledOff => (
                everyone,
                news.Detail == SessionCalledOff.CancelledByHost
                    ? $"\"{session.Title}\" gaat niet door: de organisator heeft de bijeenkomst afgezegd."
                    : $"\"{session.Title}\" gaat niet door: er waren te weinig aanmeldingen ({session.Participants.Count} van minimaal {session.Minimum})."),
            NotificationKinds.SessionMoved => (
                everyone,
                $"\"{session.Title}\" is verplaatst naar {Shared.Display.Moment(session.StartsAt)}. Je aanmelding blijft staan."),
            _ => (new List<Guid>(), ""),
        };
        return recipients.Select(r => new Notification(NotificationIds.For(news.NewsId, r), r, news.Kind, text, link, news.At, null)).ToList();
    }
}

public static class SessionNewsHandler
{
    public static async Task<IEnumerable<object>> Handle(SessionNews news, IDocumentSession session, CancellationToken ct)
    {
        var current = await session.LoadAsync<Session>(news.SessionId, ct);
        if (current is null) return [];
        var notifications = SessionNotifications.For(news, current);
        return await session.StoreAndAnnounceAsync(notifications, ct);
    }
}
