using HetInitiatief.Members;

namespace HetInitiatief.Moderation;

/// <summary>The network health dashboard for moderators and admins: every indicator for a week, with its trend.</summary>
public static class HealthDashboardEndpoint
{
    public const string WeekFormat = "Geef de week als jaar en weeknummer, bijvoorbeeld 2026-W47.";

    [EndpointSummary("The network's health for a week (default: this week) with the trend of the weeks before it; " +
        "each list holds the 50 that have been so longest, the indicators count them all (moderators and admins).")]
    [WolverineGet("/api/health")]
    [Authorize(Policy = RolePolicies.Moderator)]
    [Refuses(400)]
    public static async Task<Answer<HealthDashboard>> Get(
        string? week, IQuerySession session, HealthSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var chosen = WeekOf(week, clock.GetUtcNow());
        if (chosen.Problem is { } invalid) return invalid;
        return (await ReadAsync(session, chosen.Value!, settings, clock.GetUtcNow(), ct)).Listed();
    }

    /// <summary>The week asked for, or this week when none is given.</summary>
    public static Outcome<HealthWeek> WeekOf(string? week, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(week) ? HealthWeek.Containing(now)
        : HealthWeek.TryParse(week, out var parsed) ? parsed
        : Problem.Invalid("week", WeekFormat);

    /// <summary>
    /// Only the facts before the end of the week count: the dashboard of a past week is what was known then. The newest
    /// week asked for is kept up to date from the facts written since (<see cref="HealthHistory"/>).
    /// (Not named LoadAsync: Wolverine would run a public static Load method beside an endpoint as its middleware.)
    /// </summary>
    public static Task<HealthDashboard> ReadAsync(
        IQuerySession session, HealthWeek week, HealthSettings settings, DateTimeOffset now, CancellationToken ct) =>
        HealthHistory.DashboardAsync(session, week, settings, now, ct);
}
