using HetInitiatief.Infrastructure;
using HetInitiatief.Shared;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Members;

public sealed class ProfilePageModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    [BindProperty] public List<string> Themes { get; set; } = [];
    [BindProperty] public string? Offering { get; set; }
    [BindProperty] public Dictionary<string, string?> ProviderThemes { get; set; } = [];

    public MemberProfile Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } profile) return NotFound();
        (Themes, Offering) = ([.. profile.OfferedThemes ?? []], profile.Offering);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(bool confirm, CancellationToken ct)
    {
        if (!confirm)
        {
            ModelState.AddModelError(string.Empty, "Bevestig dat je je account wilt verwijderen.");
            return await LoadAsync(ct) is null ? NotFound() : Page();
        }
        await DeleteAccountEndpoint.DeleteAsync(User.MemberId(), store, ct);
        await HttpContext.SignOutAsync(Authentication.Cookie);
        return Redirect("/");
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync((m, now) => OfferingEndpoints.DecideOffering(m, new UpdateOffering(Themes, Offering), now), ct);

    public Task<IActionResult> OnPostProviderThemesAsync(CancellationToken ct) =>
        SaveAsync((m, now) => OfferingEndpoints.DecideInventory(m, new InventoryThemes(
            ProviderThemes.Where(t => !string.IsNullOrWhiteSpace(t.Value)).Select(t => new ProviderTheme(t.Key, t.Value!)).ToList()), now), ct);

    private async Task<IActionResult> SaveAsync(Func<MemberProfile, DateTimeOffset, Decision> decide, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var outcome = await EventStreams.DecideAsync<MemberProfile>(store, User.MemberId(), null, m => decide(m, now), "Dit account bestaat niet meer.", ct);
        if (outcome.Problem is { } problem)
        {
            ModelState.AddProblem(problem);
            Response.StatusCode = problem.Status;
            return await LoadAsync(ct) is null ? NotFound() : Page();
        }
        return RedirectToPage();
    }

    private async Task<MemberProfile?> LoadAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var profile = await session.LoadAsync<MemberProfile>(User.MemberId(), ct);
        if (profile is not null) Profile = profile;
        return profile;
    }
}
