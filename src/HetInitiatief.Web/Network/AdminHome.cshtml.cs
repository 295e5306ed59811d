using HetInitiatief.Members;
using HetInitiatief.Sessions;
using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Network;

/// <summary>The admin's start page: the network's start and opening, and the way to roles and the rest of the admin.</summary>
[Authorize(Policy = RolePolicies.Admin)]
public sealed class AdminHomeModel(IDocumentStore store, NetworkSettings settings, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid? SessionId { get; set; }

    public NetworkView Network { get; private set; } = null!;
    public IReadOnlyList<Session> Upcoming { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public Task<IActionResult> OnPostJointStartAsync(CancellationToken ct) =>
        RunAsync(NetworkEndpoints.DecideAsAdminAsync(store, settings, User, (network, admin) => NetworkEndpoints.DecideJointStart(network, admin, clock.GetUtcNow()), ct),
            "Het netwerk is gestart. Iedereen hoort het nu.", ct);

    public Task<IActionResult> OnPostOpeningAsync(CancellationToken ct) =>
        RunAsync(PlanOpeningEndpoint.PlanAsync(new PlanOpening(SessionId), User, store, settings, clock.GetUtcNow(), ct),
            "De feestelijke opening staat op de startpagina.", ct);

    private async Task<IActionResult> RunAsync(Task<Outcome<Written>> command, string confirmation, CancellationToken ct) =>
        await this.RedirectOrShowAsync((await command).Problem, () => RedirectToPage(), () => ShowAsync(ct), confirmation);

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var now = clock.GetUtcNow();
        Network = await NetworkEndpoints.ReadAsync(query, settings, now, ct);
        Upcoming = await query.Query<Session>()
            .Where(s => s.StartsAt > now && s.Status != SessionStatus.CalledOff)
            .OrderBy(s => s.StartsAt).Take(50).ToListAsync(ct);
        return Page();
    }
}
