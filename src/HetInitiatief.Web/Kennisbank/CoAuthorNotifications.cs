using HetInitiatief.Members;
using HetInitiatief.Notifications;
using JasperFx.Events;

namespace HetInitiatief.Kennisbank;

/// <summary>A member was invited to co-author a product: news, stored with the event, so the invitee always hears of
/// it.</summary>
public sealed record CoAuthorNews(Guid NewsId, Guid ProductId, Guid InviteeId, Guid InvitedBy, DateTimeOffset At)
{
    public static CoAuthorNews? From(IEvent e) =>
        e.Data is CoAuthorInvited i ? new(e.Id, i.ProductId, i.MemberId, i.InvitedBy, i.InvitedAt) : null;
}

public static class CoAuthorNotifications
{
    public static IReadOnlyList<Notification> For(CoAuthorNews news, string productTitle, string inviterName) =>
        [new(NotificationIds.For(news.NewsId, news.InviteeId), news.InviteeId, NotificationKinds.CoAuthorInvited,
            $"{inviterName} nodigt je uit als co-auteur van \"{productTitle}\". Neem je de uitnodiging aan?",
            $"/kennisbank/{news.ProductId}", news.At, null)];
}

public static class CoAuthorNewsHandler
{
    public static async Task<IEnumerable<object>> Handle(CoAuthorNews news, IDocumentSession session,
        CancellationToken ct)
    {
        var product = await session.LoadAsync<ProductDetails>(news.ProductId, ct);
        var inviter = await session.LoadAsync<MemberProfile>(news.InvitedBy, ct);
        if (product is null || !product.Invited.Contains(news.InviteeId)) return [];
        return await session.StoreAndAnnounceAsync(
            CoAuthorNotifications.For(news, product.Title, inviter?.Name ?? MemberProfile.FormerMember), ct);
    }
}
