using HetInitiatief.Infrastructure;
using HetInitiatief.Shared;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Members;

/// <summary>The admin's page for roles: find a member, grant or revoke, and the audit of every change.</summary>
public sealed class RolesPageModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public Guid MemberId { get; set; }
    [BindProperty] public string? Role { get; set; }

    public IReadOnlyList<MemberRolesView> Members { get; private set; } = [];
    public IReadOnlyList<RoleChangeView> Audit { get; private set; } = [];

    /// <summary>Why this page is not for the viewer, shown instead of it.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct) ?? Page();

    public Task<IActionResult> OnPostGrantAsync(CancellationToken ct) =>
        ChangeAsync(now => RoleEndpoints.GrantAsync(MemberId, Role, User.MemberId(), store, now, ct),
            "De rol is toegekend.", ct);

    public Task<IActionResult> OnPostRevokeAsync(CancellationToken ct) =>
        ChangeAsync(now => RoleEndpoints.RevokeAsync(MemberId, Role ?? "", User.MemberId(), store, now, ct),
            "De rol is ingetrokken.", ct);

    private async Task<IActionResult> ChangeAsync(
        Func<DateTimeOffset, Task<Outcome<MemberProfile>>> change, string confirmation, CancellationToken ct)
    {
        // Not an admin: the page explains instead of showing a form that would only be refused.
        await using (var query = store.QuerySession())
        {
            var admin = await AdminAccess.RequireAsync(query, User, MemberRoles.Admin, AdminAccess.AdminsOnly, ct);
            if (admin.Problem is { } refused) return Refuse(refused);
        }
        var outcome = await change(clock.GetUtcNow());
        return await this.RedirectOrShowAsync(outcome.Problem, () => RedirectToPage(new { q = Q }),
            async () => await ShowAsync(ct) ?? Page(), confirmation);
    }

    private async Task<IActionResult?> ShowAsync(CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var admin = await AdminAccess.RequireAsync(query, User, MemberRoles.Admin, AdminAccess.AdminsOnly, ct);
        if (admin.Problem is { } refused) return Refuse(refused);
        Members = await RoleAuditEndpoints.FindAsync(Q, query, ct);
        Audit = await RoleAuditEndpoints.AuditAsync(query, ct);
        return null;
    }

    private PageResult Refuse(Problem refused)
    {
        Refusal = refused.Detail;
        Response.StatusCode = refused.Status;
        return Page();
    }
}
