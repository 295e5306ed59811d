using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Kennisbank;

/// <summary>The kennisbank: search what colleagues made, by words, theme and sector. Visitors see the public
/// part.</summary>
[AllowAnonymous]
public sealed class KennisbankPageModel(IDocumentStore store) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }

    public IReadOnlyList<ProductCard> Products { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (SearchProducts.CheckFilters(Theme, Sector) is { } invalid)
        {
            ModelState.AddProblem(invalid);
            Response.StatusCode = invalid.Status;
            return;
        }
        await using var session = store.QuerySession();
        Products = await SearchProducts.FindAsync(session, new ProductSearch(Q, Theme, Sector), User.IsSignedIn(), ct);
    }
}
