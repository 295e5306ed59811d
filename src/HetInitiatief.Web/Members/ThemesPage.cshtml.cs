using HetInitiatief.Catalogue;
using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Members;

[AllowUnconfirmed]
public sealed class ThemesPageModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ThemeSupply> Themes { get; private set; } = [];

    public MemberProfile? Me { get; private set; }

    /// <summary>The newest kennisbank products of each theme.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Kennisbank.ProductLink>> Products { get; private set; } =
        new Dictionary<string, IReadOnlyList<Kennisbank.ProductLink>>();

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostFollowAsync(string theme, CancellationToken ct) =>
        SetAsync(theme, true, $"Je volgt nu \"{Catalogue.Themes.Name(theme)}\". Nieuwe vragen in dit thema zie je bij "
            + "\"Mijn thema's\" op het vragenbord, en je krijgt er een melding van.", ct);

    public Task<IActionResult> OnPostUnfollowAsync(string theme, CancellationToken ct) =>
        SetAsync(theme, false, $"Je volgt \"{Catalogue.Themes.Name(theme)}\" niet meer.", ct);

    private async Task<IActionResult> SetAsync(string theme, bool follow, string confirmation, CancellationToken ct)
    {
        var outcome = await FollowThemeEndpoints.SetThemeAsync(User.MemberId(), theme ?? "", follow, store, clock.GetUtcNow(), ct);
        // Back to the theme the member acted on, so a long list does not jump to the top.
        return await this.RedirectOrShowAsync(outcome.Problem, () => Redirect($"/themas#thema-{theme}"), async () =>
        {
            await LoadAsync(ct);
            return Page();
        }, confirmation);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        Themes = await OfferingEndpoints.ThemesWithSupply(session, ct);
        Me = await session.LoadAsync<MemberProfile>(User.MemberId(), ct);
        Products = await Kennisbank.ProductsPerTheme.ReadAsync(session, User.IsSignedIn(), ct);
    }
}
