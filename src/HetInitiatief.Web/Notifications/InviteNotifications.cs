using HetInitiatief.Invites;
using HetInitiatief.Members;
using JasperFx.Events;

namespace HetInitiatief.Notifications;

/// <summary>A colleague registered through a member's invite.</summary>
public sealed record InviteNews(Guid NewsId, Guid InviteId, Guid MemberId, DateTimeOffset At)
{
    public static InviteNews? From(IEvent e) => e.Data is InviteAccepted a ? new(e.Id, a.InviteId, a.MemberId, a.AcceptedAt) : null;
}

public static class InviteNotifications
{
    /// <summary>The inviter hears who joined through their invite.</summary>
    public static IReadOnlyList<Notification> For(InviteNews news, Invite invite, string memberName) =>
        [new(NotificationIds.For(news.NewsId, invite.InviterId), invite.InviterId, NotificationKinds.InviteAccepted,
            $"{memberName} is lid geworden via jouw uitnodiging. Welkom heten?", "/uitnodigen", news.At, null)];
}

public static class InviteNewsHandler
{
    public static async Task<IEnumerable<object>> Handle(InviteNews news, IDocumentSession session, CancellationToken ct)
    {
        var invite = await session.LoadAsync<Invite>(news.InviteId, ct);
        var member = await session.LoadAsync<MemberProfile>(news.MemberId, ct);
        if (invite is null || member is null) return [];
        return await session.StoreAndAnnounceAsync(InviteNotifications.For(news, invite, member.Name), ct);
    }
}
