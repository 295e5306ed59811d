using HetInitiatief.Shared;
using HetInitiatief.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Moderation;

/// <summary>The moderation queue: flagged contributions, hide or show them with a reason the author sees.</summary>
[Authorize(Policy = RolePolicies.Moderator)]
public sealed class QueuePageModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Reason { get; set; }

    public IReadOnlyList<QueueItem> Queue { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public Task<IActionResult> OnPostHideAsync(Guid id, CancellationToken ct) =>
        RunAsync(() => ModerationQueueEndpoints.ReviewOutcomeAsync(id, User, store, (m, mod) => ModerationQueueEndpoints.DecideHide(m, new Review(Reason), mod, clock.GetUtcNow()), ct),
            "De bijdrage is verborgen. De schrijver ziet je reden.", ct);

    public Task<IActionResult> OnPostRestoreAsync(Guid id, CancellationToken ct) =>
        RunAsync(() => ModerationQueueEndpoints.ReviewOutcomeAsync(id, User, store, (m, mod) => ModerationQueueEndpoints.DecideRestore(m, new Review(Reason), mod, clock.GetUtcNow()), ct),
            "De bijdrage is weer zichtbaar.", ct);

    private async Task<IActionResult> RunAsync(Func<Task<Outcome<ContentModeration>>> action, string confirmation, CancellationToken ct) =>
        await this.RedirectOrShowAsync((await action()).Problem, () => RedirectToPage(), () => ShowAsync(ct), confirmation);

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        Queue = await ModerationQueueEndpoints.QueueAsync(session, ct);
        return Page();
    }
}
