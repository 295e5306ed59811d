using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Members;

/// <summary>The admin's page for roles: find a member, grant or revoke, and the audit of every change.</summary>
[Authorize(Policy = RolePolicies.Admin)]
public sealed class RolesPageModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public Guid MemberId { get; set; }
    [BindProperty] public string? Role { get; set; }

    public IReadOnlyList<MemberRolesView> Members { get; private set; } = [];
    public IReadOnlyList<RoleChangeView> Audit { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public Task<IActionResult> OnPostGrantAsync(CancellationToken ct) =>
        ChangeAsync(now => RoleEndpoints.GrantAsync(MemberId, Role, User.MemberId(), store, now, ct),
            "De rol is toegekend.", ct);

    public Task<IActionResult> OnPostRevokeAsync(CancellationToken ct) =>
        ChangeAsync(now => RoleEndpoints.RevokeAsync(MemberId, Role ?? "", User.MemberId(), store, now, ct),
            "De rol is ingetrokken.", ct);

    private async Task<IActionResult> ChangeAsync(
        Func<DateTimeOffset, Task<Outcome<MemberProfile>>> change, string confirmation, CancellationToken ct)
    {
        var outcome = await change(clock.GetUtcNow());
        return await this.RedirectOrShowAsync(outcome.Problem, () => RedirectToPage(new { q = Q }),
            () => ShowAsync(ct), confirmation);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await using var query = store.QuerySession();
        Members = await RoleAuditEndpoints.FindAsync(Q, query, ct);
        Audit = await RoleAuditEndpoints.AuditAsync(query, ct);
        return Page();
    }
}
