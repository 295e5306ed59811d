namespace HetInitiatief.Notifications;

public sealed record NotificationList(IReadOnlyList<Notification> Notifications, int Unread);

public sealed record MarkRead(IReadOnlyList<Guid>? Ids);

public static class MyNotificationsEndpoints
{
    public const int ListSize = 50;

    [EndpointSummary("My notifications, newest first, with the number unread.")]
    [WolverineGet("/api/me/notifications")]
    public static async Task<Answer<NotificationList>> Get(
        ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        await ListAsync(user.MemberId(), session, ct);

    /// <summary>Marks the given notifications read, or all of them when no ids are given. Only ever one's own.</summary>
    [EndpointSummary("Mark my notifications read: the given ids, or all when none are given.")]
    [Members.AllowUnconfirmed]
    [WolverinePost("/api/me/notifications/read")]
    public static async Task<Answer<NotificationList>> Read(
        MarkRead command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        await MarkReadAsync(user.MemberId(), command.Ids, store, clock.GetUtcNow(), ct);
        await using var session = store.QuerySession();
        return await ListAsync(user.MemberId(), session, ct);
    }

    public static async Task<NotificationList> ListAsync(Guid memberId, IQuerySession session, CancellationToken ct)
    {
        var list = await session.Query<Notification>().Where(n => n.MemberId == memberId)
            .OrderByDescending(n => n.At).Take(ListSize).ToListAsync(ct);
        return new NotificationList(list, await UnreadAsync(memberId, session, ct));
    }

    public static Task<int> UnreadAsync(Guid memberId, IQuerySession session, CancellationToken ct) =>
        session.Query<Notification>().CountAsync(n => n.MemberId == memberId && n.ReadAt == null, ct);

    public static async Task MarkReadAsync(Guid memberId, IReadOnlyList<Guid>? ids, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var query = session.Query<Notification>().Where(n => n.MemberId == memberId && n.ReadAt == null);
        if (ids is { Count: > 0 }) query = query.Where(n => n.Id.IsOneOf(ids.ToArray()));
        foreach (var unread in await query.ToListAsync(ct)) session.Store(unread with { ReadAt = now });
        await session.SaveChangesAsync(ct);
    }
}
