using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Sessions;

[Members.AllowUnconfirmed]
public sealed class MySessionsPageModel(IDocumentStore store, Mail.Mailer mailer, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public string? FeedUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        Sessions = await MySessionsEndpoint.ReadAsync(User.MemberId(), session, ct);
        if (await session.LoadAsync<CalendarFeed>(User.MemberId(), ct) is { } feed)
            // A calendar keeps polling this address for months: the platform's own, never the request's Host header.
            FeedUrl = $"{mailer.SiteUrl}{CalendarFeedEndpoints.Path(feed.Token)}";
    }

    public async Task<IActionResult> OnPostFeedAsync(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        await CalendarFeedEndpoints.CreateAsync(User.MemberId(), session, clock.GetUtcNow(), ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        await CalendarFeedEndpoints.RevokeAsync(User.MemberId(), session, ct);
        return RedirectToPage();
    }
}
