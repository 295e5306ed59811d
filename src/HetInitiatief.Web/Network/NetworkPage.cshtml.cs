using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Network;

/// <summary>Members see the network grow: members week by week, new this week, against the goal of 500.</summary>
public sealed class NetworkPageModel(IQuerySession session, NetworkSettings settings, TimeProvider clock) : PageModel
{
    public NetworkView Network { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Network = await NetworkEndpoints.ReadAsync(session, settings, clock.GetUtcNow(), ct);
}
