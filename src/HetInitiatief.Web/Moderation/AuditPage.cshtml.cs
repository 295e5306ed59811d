using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Moderation;

/// <summary>Every moderator action, from the events; read only.</summary>
public sealed class AuditPageModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<ModerationAction> Actions { get; private set; } = [];
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var moderator = await Moderators.RequireAsync(session, User, ct);
        if (moderator.Problem is { } refused)
        {
            (Refusal, Response.StatusCode) = (refused.Detail, refused.Status);
            return Page();
        }
        Actions = await ModerationAuditEndpoint.ReadAsync(session, ct);
        return Page();
    }
}
