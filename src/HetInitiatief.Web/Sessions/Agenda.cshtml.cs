using HetInitiatief.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Sessions;

public sealed class AgendaModel(IQuerySession session, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }

    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Unknown filters show everything rather than an error: they can only come from an edited URL.
        var theme = Themes.IsKnown(Theme) ? Theme : null;
        var format = Format is not null && SessionKinds.Formats.ContainsKey(Format) ? Format : null;
        var sector = Sectors.IsKnown(Sector) ? Sector : null;
        Sessions = await GetSessionEndpoints.AgendaAsync(theme, format, sector, User.MemberId(), session, clock.GetUtcNow(), ct);
    }
}
