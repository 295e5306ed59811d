using HetInitiatief.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Members;

[AllowUnconfirmed("Who", "Following", "Listing", "Delete")]
public sealed class ProfilePageModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    [BindProperty] public List<string> Themes { get; set; } = [];
    [BindProperty] public string? Offering { get; set; }
    [BindProperty] public Dictionary<string, string?> ProviderThemes { get; set; } = [];

    [BindProperty] public string? School { get; set; }
    [BindProperty] public string? Sector { get; set; }
    [BindProperty] public string? Subjects { get; set; }
    [BindProperty] public List<string> LearningPreferences { get; set; } = [];
    [BindProperty] public string? About { get; set; }
    [BindProperty] public Dictionary<string, string> Visibility { get; set; } = [];

    [BindProperty] public List<string> FollowedThemes { get; set; } = [];
    [BindProperty] public List<string> FollowedSectors { get; set; } = [];

    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public MemberProfile Profile { get; private set; } = null!;

    private bool _postedFollowing;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } profile) return NotFound();
        (Themes, Offering) = ([.. profile.OfferedThemes ?? []], profile.Offering);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(
        bool confirm, bool blankContributions, [FromServices] Mail.Mailer mailer, [FromServices] SessionStamps stamps, CancellationToken ct)
    {
        if (!confirm)
        {
            ModelState.AddModelError(string.Empty, "Bevestig dat je je account wilt verwijderen.");
            return await LoadAsync(ct) is null ? NotFound() : Page();
        }
        await DeleteAccountEndpoint.DeleteAsync(User.MemberId(), blankContributions, store, mailer, stamps, ct);
        await HttpContext.SignOutAsync(Authentication.Cookie);
        this.Confirm("Je account is verwijderd. Bedankt dat je meedeed.");
        return Redirect("/");
    }

    public async Task<IActionResult> OnPostPasswordAsync(
        [FromServices] Microsoft.AspNetCore.Identity.IPasswordHasher<MemberLogin> hasher, [FromServices] SessionStamps stamps, CancellationToken ct)
    {
        var outcome = await ChangePasswordEndpoint.ChangeAsync(new ChangePassword(CurrentPassword, NewPassword), User.MemberId(), store, hasher, clock.GetUtcNow(), ct);
        (CurrentPassword, NewPassword) = (null, null);
        if (outcome.Problem is null)
        {
            var (member, stamp) = outcome.Value!;
            stamps.Renewed(member.Id, stamp);
            // This browser made the change and stays signed in, under the new stamp; every other session has ended.
            await HttpContext.SignInAsync(Authentication.Cookie, Authentication.Principal(member,
                Authentication.Cookie, stamp));
        }
        return await this.RedirectOrShowAsync(outcome.Problem, () => RedirectToPage(), () => ShowAsync(ct),
            "Je nieuwe wachtwoord is bewaard. Op je andere apparaten ben je uitgelogd.");
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync([FromServices] SessionStamps stamps, CancellationToken ct)
    {
        await SignOutEverywhereEndpoint.SignOutAsync(User.MemberId(), HttpContext, store, stamps, ct);
        this.Confirm("Je bent overal uitgelogd, ook hier. Log opnieuw in om verder te gaan.");
        return Redirect("/inloggen");
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(now => OfferingEndpoints.OfferAsync(User.MemberId(), new UpdateOffering(Themes, Offering), store,
            now, ct), "Wat je aanbiedt is bewaard.", ct);

    public Task<IActionResult> OnPostWhoAsync(CancellationToken ct) =>
        SaveAsync(now => EditProfileEndpoints.UpdateAsync(User.MemberId(), new UpdateProfile(School, Sector,
            (Subjects ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                LearningPreferences, About, Visibility),
            store, now, ct), "Je profiel is bewaard.", ct);

    public async Task<IActionResult> OnPostFollowingAsync(CancellationToken ct)
    {
        _postedFollowing = true;
        var outcome = await FollowThemeEndpoints.SetFollowingAsync(User.MemberId(), FollowedThemes, FollowedSectors, store, clock.GetUtcNow(), ct);
        return await this.RedirectOrShowAsync(outcome.Problem, () => RedirectToPage(), () => ShowAsync(ct),
            FollowedThemes.Count == 0
            ? "Je volgt geen thema's meer."
            : "De thema's die je volgt zijn bewaard. Nieuwe vragen daarin zie je bij \"Mijn thema's\" op het vragenbord.");
    }

    public Task<IActionResult> OnPostListingAsync(bool listed, CancellationToken ct) =>
        SaveAsync(now => EditProfileEndpoints.ChooseListingAsync(User.MemberId(), listed, store, now, ct),
            listed ? "Je staat nu met naam bij de early birds." : "Je staat niet meer met naam bij de early birds.", ct);

    public Task<IActionResult> OnPostProviderThemesAsync(CancellationToken ct) =>
        SaveAsync(now => OfferingEndpoints.InventoryAsync(User.MemberId(), new InventoryThemes(
            ProviderThemes.Where(t => !string.IsNullOrWhiteSpace(t.Value))
                .Select(t => new ProviderTheme(t.Key, t.Value!)).ToList()), store, now, ct),
            "Je thema's als aanbieder zijn bewaard.", ct);

    private async Task<IActionResult> SaveAsync(
        Func<DateTimeOffset, Task<Outcome<MemberProfile>>> save, string confirmation, CancellationToken ct)
    {
        var outcome = await save(clock.GetUtcNow());
        return await this.RedirectOrShowAsync(outcome.Problem, () => RedirectToPage(), () => ShowAsync(ct),
            confirmation);
    }

    /// <summary>The page again, as refused: what was typed stays, the rest as stored.</summary>
    private async Task<IActionResult> ShowAsync(CancellationToken ct) =>
        await LoadAsync(ct) is null ? NotFound() : Page();

    private async Task<MemberProfile?> LoadAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var profile = await session.LoadAsync<MemberProfile>(User.MemberId(), ct);
        if (profile is null) return null;
        Profile = profile;
        // A form that was not the one posted shows what is stored.
        if (School is null)
        {
            (School, Sector, Subjects, LearningPreferences, About) =
                (profile.School, profile.Sector, string.Join(", ", profile.Subjects ?? []), [.. profile.LearningPreferences ?? []], profile.About);
            Visibility = profile.Visibility?.ToDictionary() ?? [];
        }
        // A refused follow form shows what was ticked; every other time, what the member follows.
        if (!_postedFollowing) (FollowedThemes, FollowedSectors) = ([.. profile.FollowedThemes ?? []], [.. profile.FollowedSectors ?? []]);
        return profile;
    }
}
