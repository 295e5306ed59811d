using HetInitiatief.Members;
using HetInitiatief.Questions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Moderation;

/// <summary>The moderators' dashboard: the network's health in a chosen week, each indicator with its trend.</summary>
[Authorize(Policy = RolePolicies.Moderator)]
public sealed class HealthPageModel(IQuerySession session, HealthSettings settings, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Week { get; set; }

    public HealthDashboard Dashboard { get; private set; } = null!;
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
        var shown = Dashboard.TalkingShops.Select(t => t.QuestionId)
            .Concat(Dashboard.StalledCoalitions.Select(c => c.QuestionId));
        var questions = await session.LoadManyAsync<QuestionDetails>(ct, shown.Distinct());
        Titles = questions.ToDictionary(q => q.Id, q => q.Title);
        return Page();
    }
}
