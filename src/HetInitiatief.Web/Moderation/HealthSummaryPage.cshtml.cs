using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Moderation;

/// <summary>The network's health for everyone, signed in or not: headline numbers, no names.</summary>
[AllowAnonymous]
public sealed class HealthSummaryPageModel(IQuerySession session, HealthSettings settings, TimeProvider clock) : PageModel
{
    public HealthSummary Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Summary = await HealthSummaryEndpoint.ReadAsync(session, settings, clock.GetUtcNow(), ct);
}
