using JasperFx;
using Microsoft.AspNetCore.Diagnostics;

namespace HetInitiatief.Errors;

/// <summary>
/// Failures that are not the platform's fault get their own answer instead of a 500: PostgreSQL unreachable is a 503
/// with <c>Retry-After</c> (logged once as an outage, see <see cref="DatabaseOutage"/>), and a write that lost a race
/// with another writer of the same thing is a 409. The API gets Dutch problem details here; pages get the Dutch error
/// page, which asks <see cref="StatusFor"/> for its status.
/// </summary>
public sealed class ExceptionAnswers(DatabaseOutage outage) : IExceptionHandler
{
    public const string OutageDetail = "Het platform kan zijn gegevens even niet bereiken. Probeer het over een minuut opnieuw.";
    public const string RaceDetail = "Iemand anders veranderde dit tegelijk met jou. Probeer het opnieuw.";

    public static int? StatusFor(Exception exception) => exception switch
    {
        _ when DatabaseOutage.IsOutage(exception) => StatusCodes.Status503ServiceUnavailable,
        ConcurrencyException or JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
            => StatusCodes.Status409Conflict,
        _ => null,
    };

    /// <summary>The failures answered here are expected ones; only the outage itself is worth a log entry.</summary>
    public static bool IsExpected(ExceptionHandlerSuppressDiagnosticsContext context) => StatusFor(context.Exception) is not null;

    public static void AddRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = ((int)DatabaseOutage.ProbeInterval.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var status = StatusFor(exception);
        if (status == StatusCodes.Status503ServiceUnavailable) outage.Report(exception);
        if (status is null || PageRequests.Is(context.Request)) return false;

        var problem = status == StatusCodes.Status503ServiceUnavailable
            ? new Problem(503, "Even niet bereikbaar", OutageDetail, new Dictionary<string, string[]>())
            : Problem.Conflict(RaceDetail);
        if (status == StatusCodes.Status503ServiceUnavailable) AddRetryAfter(context.Response);
        await problem.ToResult().ExecuteAsync(context);
        return true;
    }
}
