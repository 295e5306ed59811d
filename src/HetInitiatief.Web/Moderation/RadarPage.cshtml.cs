using HetInitiatief.Shared;
using HetInitiatief.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Moderation;

/// <summary>The moderators' radar: what needs a nudge, the heat map, and the actions on each item.</summary>
[Authorize(Policy = RolePolicies.Moderator)]
public sealed class RadarPageModel(IDocumentStore store, RadarSettings settings, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Item { get; set; }
    [BindProperty] public string? Audience { get; set; }
    [BindProperty] public List<Guid> MemberIds { get; set; } = [];
    [BindProperty] public string? Message { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public RadarPage Radar { get; private set; } = null!;
    public IReadOnlyList<NudgeAudience> Suggestions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public Task<IActionResult> OnPostTakeOnAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, now => RadarActionEndpoints.ActOnAsync(id, User, store, settings, now, RadarActionEndpoints.TakeOn(now), ct), ct);

    public Task<IActionResult> OnPostDismissAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, now => RadarActionEndpoints.ActOnAsync(id, User, store, settings, now, RadarActionEndpoints.Dismissing(new Dismiss(Reason), now), ct), ct);

    public Task<IActionResult> OnPostNudgeAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, now => Nudges.NudgeAsync(id, new Nudge(Audience, MemberIds, Message), User, store, settings, now, ct), ct);

    private async Task<IActionResult> RunAsync(Guid id, Func<DateTimeOffset, Task<Outcome<RadarItemLog>>> action, CancellationToken ct)
    {
        var outcome = await action(clock.GetUtcNow());
        Item = id;
        return await this.RedirectOrShowAsync(outcome.Problem, () => Redirect($"/moderatie#item-{id}"), () => ShowAsync(ct), "Vastgelegd op de radar.");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var now = clock.GetUtcNow();
        var radar = await RadarEndpoints.ComputeAsync(session, settings, now, ct);
        Radar = await RadarEndpoints.ViewAsync(session, radar, now, ct);
        if (Item is { } id && radar.Items.FirstOrDefault(i => i.Id == id) is { } item)
            Suggestions = await Nudges.SuggestAsync(session, item, ct);
        return Page();
    }
}
