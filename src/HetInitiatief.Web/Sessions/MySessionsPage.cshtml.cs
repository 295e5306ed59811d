using HetInitiatief.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Sessions;

public sealed class MySessionsPageModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Sessions = await MySessionsEndpoint.LoadAsync(User.MemberId(), session, ct);
}
