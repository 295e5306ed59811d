using System.Text.Json;
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
            .AddCheck<Mail.MailHealth>("mail", tags: ["ready"])
            .AddCheck<DeadLetters.DeadLetterHealth>("deadLetters", tags: ["ready"])
            .AddCheck<ProjectionDaemonHealth>("asyncDaemon", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Live: the process answers. Ready: it can also reach PostgreSQL (else Unhealthy, 503); Degraded (still 200, so the
    /// node keeps its traffic) while mail is failing or dead (<see cref="Mail.MailHealth"/>), messages sit in the dead
    /// letters (<see cref="DeadLetters.DeadLetterHealth"/>) or an async daemon agent is halted
    /// (<see cref="ProjectionDaemonHealth"/>). Ready answers in JSON with every check's status and why, so an operator
    /// reads the reason without opening the logs.
    /// </summary>
    public static void MapPlatformHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteReportAsync,
        }).AllowAnonymous();
    }

    /// <summary>
    /// <c>{"status": "Degraded", "checks": {"mail": {"status": "Degraded", "description": "…"}, …}}</c>.
    /// Exceptions stay out: the endpoint is open to anyone, and a check's description already says what is wrong.
    /// </summary>
    public static async Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", Described(entry));
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>A check that threw has its exception's message as description, which may name hosts; the type will do.</summary>
    private static string? Described(HealthReportEntry entry) =>
        entry.Exception is { } e && entry.Description == e.Message
            ? $"The check failed ({e.GetType().Name})"
            : entry.Description;

    private sealed class PostgresReachable(NpgsqlDataSource dataSource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await using var command = dataSource.CreateCommand("select 1");
                await command.ExecuteScalarAsync(ct);
                return HealthCheckResult.Healthy("PostgreSQL answers");
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("PostgreSQL is not reachable", e);
            }
        }
    }
}
