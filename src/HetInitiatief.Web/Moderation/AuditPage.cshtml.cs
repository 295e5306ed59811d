using HetInitiatief.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Moderation;

/// <summary>Every moderator action, from the events; read only.</summary>
[Authorize(Policy = RolePolicies.Moderator)]
public sealed class AuditPageModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<ModerationAction> Actions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Actions = await ModerationAuditEndpoint.ReadAsync(session, ct);
        return Page();
    }
}
