using JasperFx;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wolverine.Runtime.Agents;
using ProjectionCoordinator = Marten.Events.Daemon.Coordination.IProjectionCoordinator;

namespace HetInitiatief.Infrastructure;

/// <summary>One async projection or subscription agent as the daemon reports it.</summary>
public sealed record ShardAgent(string Shard, AgentStatus Status, DateTimeOffset? PausedAt);

/// <summary>
/// Ready, but degraded, while an agent of Marten's async daemon is stopped or paused: its projection or subscription
/// falls behind while the rest of the platform works. Today every projection is inline, so there is nothing for a daemon
/// to run; this says so, and starts checking by itself when an async projection or subscription is added.
/// </summary>
public sealed class ProjectionDaemonHealth(StoreOptions options, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var shards = options.Projections.AllShards().Select(s => s.Name.Identity).ToList();
        if (shards.Count == 0) return Task.FromResult(Verdict(shards, null));
        List<ShardAgent>? agents;
        try
        {
            // Registered only with AddAsyncDaemon or Wolverine's distribution, which an app without async shards lacks.
            var daemon = services.GetService<ProjectionCoordinator>()?.DaemonForMainDatabase();
            agents = daemon?.CurrentAgents().Select(a => new ShardAgent(a.Name.Identity, a.Status, a.PausedTime)).ToList();
        }
        catch (DaemonNotRunningOnThisNodeException)
        {
            // Wolverine distributes the agents over the nodes (docs/operations.md); this node runs none of them now.
            agents = [];
        }
        return Task.FromResult(Verdict(shards, agents));
    }

    /// <param name="shards">Every async shard the store knows.</param>
    /// <param name="agents">What this node's daemon runs, or null when no daemon is registered.</param>
    public static HealthCheckResult Verdict(IReadOnlyList<string> shards, IReadOnlyList<ShardAgent>? agents)
    {
        if (shards.Count == 0) return HealthCheckResult.Healthy("No async projections or subscriptions");
        if (agents is null)
            return HealthCheckResult.Degraded(
                $"No async daemon runs for {shards.Count} async projection(s): {string.Join(", ", shards)}");
        var halted = agents.Where(a => a.Status != AgentStatus.Running).ToList();
        if (halted.Count > 0)
            return HealthCheckResult.Degraded("Async daemon: " + string.Join("; ", halted.Select(Describe)));
        // In a cluster another node may run the rest; only agents that exist here can be seen stopped.
        return HealthCheckResult.Healthy($"Async daemon runs {agents.Count} of {shards.Count} shard(s) on this node");
    }

    private static string Describe(ShardAgent agent) =>
        agent.PausedAt is { } at
            ? $"{agent.Shard} is {agent.Status.ToString().ToLowerInvariant()} since {at:u}"
            : $"{agent.Shard} is {agent.Status.ToString().ToLowerInvariant()}";
}
