using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace HetInitiatief.DeadLetters;

/// <summary>
/// Ready, but degraded, while Wolverine holds messages it gave up on: something members should have been told or
/// sent did not happen, and only an admin's replay (<see cref="DeadLetterQueue"/>) makes it happen.
/// </summary>
public sealed class DeadLetterHealth(IWolverineRuntime runtime) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var results = await runtime.Storage.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery { PageSize = 1 }, ct);
        return Verdict(results.TotalCount);
    }

    public static HealthCheckResult Verdict(int deadLetters) =>
        deadLetters == 0
            ? HealthCheckResult.Healthy("No dead letters")
            : HealthCheckResult.Degraded($"{deadLetters} message(s) in the dead letters, not handled even after "
                + "retrying (see /beheer/vastgelopen-berichten)");
}
