using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Notifications;

[Members.AllowUnconfirmed]
public sealed class PreferencesPageModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    /// <summary>Kind → inApp, immediate or digest; posted as <c>Choices[kind]</c>.</summary>
    [BindProperty] public Dictionary<string, string?> Choices { get; set; } = new();

    [BindProperty] public int? ExpertiseRequestsPerWeek { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var view = NotificationPreferencesEndpoints.ToView(await session.LoadAsync<NotificationPreferences>(User.MemberId(), ct));
        Choices = view.Preferences.ToDictionary(p => p.Key, p => (string?)p.Value);
        ExpertiseRequestsPerWeek = view.ExpertiseRequestsPerWeek;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await NotificationPreferencesEndpoints.SaveAsync(new SetNotificationPreferences(Choices, ExpertiseRequestsPerWeek), User.MemberId(), store, clock.GetUtcNow(), ct);
        return await this.RedirectOrShowAsync(outcome.Problem, () => RedirectToPage(),
            () => Task.FromResult<IActionResult>(Page()),
            "Je keuzes zijn bewaard.");
    }
}
