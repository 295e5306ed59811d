using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Notifications;

[Members.AllowUnconfirmed]
public sealed class NotificationsPageModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    public NotificationList List { get; private set; } = new([], 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        List = await MyNotificationsEndpoints.ListAsync(User.MemberId(), session, ct);
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await MyNotificationsEndpoints.MarkReadAsync(User.MemberId(), null, store, clock.GetUtcNow(), ct);
        this.Confirm("Alle meldingen zijn gelezen.");
        return RedirectToPage();
    }
}

/// <summary>Following a notification marks it read and goes where it points.</summary>
public sealed class OpenNotificationModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var notification = await session.LoadAsync<Notification>(id, ct);
        if (notification is null || notification.MemberId != User.MemberId()) return NotFound();
        await MyNotificationsEndpoints.MarkReadAsync(notification.MemberId, [id], store, clock.GetUtcNow(), ct);
        return LocalRedirect(notification.Link);
    }
}
