using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HetInitiatief.Mail;

/// <summary>
/// Ready, but degraded, while any mail is failing (its last attempt failed and a retry is planned) or dead (an admin
/// must resend it): the platform works, yet people are not getting their mail. Healthy again once it is all sent.
/// </summary>
public sealed class MailHealth(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var failing = await session.Query<OutgoingMail>().CountAsync(m => m.Status == OutgoingMail.Failing, ct);
        var dead = await session.Query<OutgoingMail>().CountAsync(m => m.Status == OutgoingMail.Dead, ct);
        return failing + dead == 0
            ? HealthCheckResult.Healthy("All mail delivered or on its way")
            : HealthCheckResult.Degraded(
                $"Mail not delivered: {failing} failing (being retried), {dead} dead (see /beheer/uitgaande-mail)");
    }
}
