using HetInitiatief.Live;
using Microsoft.AspNetCore.SignalR;

namespace HetInitiatief.Notifications;

/// <summary>A stored notification, to its member's own group (the badge, the list, the werkplek).</summary>
public static class NotificationPushHandler
{
    public const string Method = "notificationAdded";

    public static Task Handle(NotificationAdded message, IHubContext<LiveHub> hub, CancellationToken ct) =>
        hub.Clients.Group(LiveHub.MemberGroup(message.MemberId)).SendAsync(Method, message, ct);
}
