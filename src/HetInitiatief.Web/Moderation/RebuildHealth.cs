using HetInitiatief.Members;

namespace HetInitiatief.Moderation;

/// <summary>
/// History, checked: the health facts are thrown away and projected again from every event in the store,
/// and the dashboard is returned, so it can be compared with the one shown before.
/// </summary>
public static class RebuildHealthEndpoint
{
    public static readonly TimeSpan ShardTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Two rebuilds of one store at once both write the projection's progress row, and the second failed on it (a 500).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IDocumentStore, SemaphoreSlim> Running = [];

    [EndpointSummary("Rebuild the health facts from the event store and return the dashboard for the week (admin only).")]
    [WolverinePost("/api/health/rebuild")]
    [Authorize(Policy = RolePolicies.Admin)]
    [Refuses(400, 409)]
    public static async Task<Answer<HealthDashboard>> Rebuild(
        string? week, IDocumentStore store, HealthSettings settings, TimeProvider clock, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var chosen = HealthDashboardEndpoint.WeekOf(week, clock.GetUtcNow());
        if (chosen.Problem is { } invalid) return invalid;

        var oneAtATime = Running.GetValue(store, _ => new SemaphoreSlim(1, 1));
        if (!await oneAtATime.WaitAsync(TimeSpan.Zero, ct))
            return Problem.Conflict("De cijfers worden al opnieuw berekend. Probeer het over een minuut nog eens.");
        try
        {
            await RebuildAsync(store, ct);
        }
        finally
        {
            oneAtATime.Release();
        }
        return await HealthDashboardEndpoint.ReadAsync(query, chosen.Value!, settings, clock.GetUtcNow(), ct);
    }

    public static async Task RebuildAsync(IDocumentStore store, CancellationToken ct)
    {
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(HealthFactsProjection.ProjectionName, ShardTimeout, ct);
        HealthHistory.Forget(store);
    }
}
