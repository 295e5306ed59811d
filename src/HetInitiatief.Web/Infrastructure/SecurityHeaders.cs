namespace HetInitiatief.Infrastructure;

/// <summary>
/// Headers on every response that tell the browser what this site never does: run script or load anything from
/// elsewhere, be framed by another site, be sniffed as another content type, or leak its paths (which hold ids and
/// tokens) to other sites. Script comes only from files here, never inline. Inline styles stay allowed: a few
/// elements set their width (meters, charts) in a style attribute, which cannot run code.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API reference (Scalar) loads its viewer from a CDN; it is documentation, with no member data.</summary>
    public const string ApiReferencePath = "/api/docs";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["X-Frame-Options"] = "DENY";
            if (!context.Request.Path.StartsWithSegments(ApiReferencePath)) headers.ContentSecurityPolicy = ContentSecurityPolicy;
            if (context.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
            return Task.CompletedTask;
        });
        await next(context);
    });
}
