using HetInitiatief.Notifications;
using HetInitiatief.Sessions;
using JasperFx.Events;

namespace HetInitiatief.Network;

/// <summary>The network started together, or its festive opening was planned: every early bird hears of it.</summary>
public sealed record NetworkNews(Guid NewsId, Guid NetworkId, string Kind, Guid? SessionId, DateTimeOffset At)
{
    public static NetworkNews? From(IEvent e) => e.Data switch
    {
        JointStartRecorded s => new(e.Id, s.NetworkId, NotificationKinds.JointStart, null, s.StartedAt),
        OpeningSessionPlanned o => new(e.Id, o.NetworkId, NotificationKinds.OpeningPlanned, o.SessionId, o.PlannedAt),
        _ => null,
    };
}

public static class NetworkNotifications
{
    public static IReadOnlyList<Notification> For(NetworkNews news, NetworkState network, Session? opening)
    {
        var (text, link) = news.Kind switch
        {
            NotificationKinds.JointStart => (
                $"We zijn gestart! De {network.EarlyBirds.Count} early birds beginnen samen aan Het Initiatief. Nodig je collega's uit: op naar 500.", "/"),
            NotificationKinds.OpeningPlanned when opening is not null => (
                $"De feestelijke opening: \"{opening.Title}\" op {Shared.Display.Moment(opening.StartsAt)}. Meld je aan!", $"/bijeenkomsten/{opening.Id}"),
            _ => ("", ""),
        };
        return text.Length == 0 ? []
            : network.EarlyBirds.Select(member => new Notification(NotificationIds.For(news.NewsId, member), member, news.Kind, text, link, news.At, null)).ToList();
    }
}

public static class NetworkNewsHandler
{
    public static async Task<IEnumerable<object>> Handle(NetworkNews news, IDocumentSession session, CancellationToken ct)
    {
        var network = await session.LoadAsync<NetworkState>(news.NetworkId, ct);
        if (network is null) return [];
        var opening = news.SessionId is { } id ? await session.LoadAsync<Session>(id, ct) : null;
        return await session.StoreAndAnnounceAsync(NetworkNotifications.For(news, network, opening), ct);
    }
}
