using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Coalitions;

public sealed class MyCoalitionsPageModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MyCoalition> Coalitions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Coalitions = await MyCoalitionsEndpoint.ReadAsync(User.MemberId(), session, clock.GetUtcNow(), ct);
}
