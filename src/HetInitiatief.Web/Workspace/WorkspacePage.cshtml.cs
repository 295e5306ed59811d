using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Workspace;

/// <summary>Mijn werkplek, the signed-in member's home page: the same view as <c>GET /api/me/workspace</c>.</summary>
public sealed class WorkspacePageModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public WorkspaceView View { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        View = await MyWorkspace.LoadAsync(User.MemberId(), session, Now, ct);
    }
}
