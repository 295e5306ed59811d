using HetInitiatief.Members;
using HetInitiatief.Questions;
using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Moderation;

/// <summary>The moderators' dashboard: the network's health in a chosen week, each indicator with its trend.</summary>
[Authorize(Policy = RolePolicies.Moderator)]
public sealed class HealthPageModel(IQuerySession session, HealthSettings settings, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Week { get; set; }

    /// <summary>Under a shortened list: how many it shows and how many more there are; null when it shows them all.</summary>
    public static string? MoreThanListed(int all, int listed) => all > listed
        ? $"Dit zijn de {listed} die het langst zo zijn; er zijn er nog {(all - listed).ToString("N0", Display.Dutch)}."
        : null;

    public HealthDashboard Dashboard { get; private set; } = null!;
    public IReadOnlyList<TalkingShop> Shops { get; private set; } = [];
    public IReadOnlyList<StalledCoalition> Stalled { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Titles { get; private set; } = new Dictionary<Guid, string>();
    public string? WeekError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var chosen = HealthDashboardEndpoint.WeekOf(Week, now);
        if (chosen.Problem is { } invalid)
        {
            (WeekError, Response.StatusCode) = (invalid.Detail, invalid.Status);
        }
        var week = chosen.Value ?? HealthWeek.Containing(now);
        Week = week.ToString();
        Dashboard = await HealthDashboardEndpoint.ReadAsync(session, week, settings, now, ct);
        var listed = Dashboard.Listed();
        (Shops, Stalled) = (listed.TalkingShops, listed.StalledCoalitions);
        var shown = Shops.Select(t => t.QuestionId).Concat(Stalled.Select(c => c.QuestionId));
        var questions = await session.LoadManyAsync<QuestionBoardItem>(ct, shown.Distinct());
        Titles = questions.ToDictionary(q => q.Id, q => q.Title);
        return Page();
    }
}
