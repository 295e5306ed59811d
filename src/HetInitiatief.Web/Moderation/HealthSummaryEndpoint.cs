using HetInitiatief.Network;

namespace HetInitiatief.Moderation;

/// <summary>What everyone may know about the network's health: a few numbers, no names, no questions.</summary>
public sealed record HealthSummary(
    string Week, int Members, int Goal, int NewMembers, int ActiveMembers,
    double? Reciprocity, double? MemberOwnership, double? CrossSchool, double? DemandDriven, int GoalsReachedTotal, int SuccessStoriesTotal)
{
    public static HealthSummary Of(HealthIndicators i) => new(
        i.Week, i.Members, NetworkEndpoints.Goal, i.NewMembers, i.ActiveMembers,
        i.Reciprocity.Share, i.MemberOwnership.Share, i.CrossSchool.Share, i.DemandDriven.Share, i.GoalsReachedTotal, i.SuccessStoriesTotal);
}

public static class HealthSummaryEndpoint
{
    [AllowAnonymous]
    [EndpointSummary("A public summary of the network's health this week: headline numbers only (no sign-in needed).")]
    [WolverineGet("/api/health/summary")]
    public static async Task<Answer<HealthSummary>> Get(
        IQuerySession session, HealthSettings settings, TimeProvider clock, CancellationToken ct) =>
        await ReadAsync(session, settings, clock.GetUtcNow(), ct);

    public static async Task<HealthSummary> ReadAsync(IQuerySession session, HealthSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        // This week's dashboard, as kept for the moderators: anyone may ask, so it must not read all of history.
        var dashboard = await HealthHistory.DashboardAsync(session, HealthWeek.Containing(now), settings, now, ct);
        return HealthSummary.Of(dashboard.Indicators);
    }
}
