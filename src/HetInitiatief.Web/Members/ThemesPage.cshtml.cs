using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Members;

public sealed class ThemesPageModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<ThemeSupply> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Themes = await OfferingEndpoints.ThemesWithSupply(session, ct);
}
