namespace HetInitiatief.Infrastructure;

/// <summary>
/// An id of all zeros names nothing on this platform; without this check it reached the event store, which refuses it
/// as a stream id with an exception (a 500) instead of saying the thing does not exist.
/// </summary>
public static class RouteIds
{
    public const string EmptyIdRefusal = "Er bestaat niets met dit id.";

    /// <summary>After routing, so the route's own values are known.</summary>
    public static void UseRouteIdChecks(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.Request.RouteValues.Values.Any(v => v is string s && Guid.TryParse(s, out var id) && id == Guid.Empty))
        {
            var refused = Problem.NotFound(EmptyIdRefusal);
            if (PageRequests.Is(context.Request)) context.Response.StatusCode = refused.Status;
            else await refused.ToResult().ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
