using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace HetInitiatief.Infrastructure;

public static class Health
{
    public static IServiceCollection AddPlatformHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<PostgresReachable>("postgres", tags: ["ready"])
            .AddCheck<Mail.MailHealth>("mail", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Live: the process answers. Ready: it can also reach PostgreSQL (else Unhealthy, 503); Degraded (still 200) while
    /// mail is failing or dead (<see cref="Mail.MailHealth"/>).
    /// </summary>
    public static void MapPlatformHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
    }

    private sealed class PostgresReachable(NpgsqlDataSource dataSource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await using var command = dataSource.CreateCommand("select 1");
                await command.ExecuteScalarAsync(ct);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("PostgreSQL is not reachable", e);
            }
        }
    }
}
