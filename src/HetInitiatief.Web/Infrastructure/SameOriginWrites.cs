using Microsoft.Net.Http.Headers;

namespace HetInitiatief.Infrastructure;

/// <summary>
/// A page on another site can make a member's browser send a write to the API with the member's cookie (a
/// form or a bodyless POST needs no CORS). So an unsafe API request that does not carry a bearer token must come
/// from this site: <c>Sec-Fetch-Site</c>, when the browser sends it, must not say another site, and <c>Origin</c>
/// (or, without it, <c>Referer</c>) must be this site's own origin — the request's, or <c>Platform:BaseUrl</c>'s
/// when a proxy changes the host. Browsers send at least one of these with every cross-origin write; a request
/// with none of them comes from a program, not from a page elsewhere, and passes. Bearer tokens are never sent by a
/// browser on its own, so those calls are not checked. Forms of the pages carry antiforgery tokens instead.
/// </summary>
public static class SameOriginWrites
{
    public const string Refusal =
        "Dit verzoek komt van een andere website en is daarom geweigerd. Gebruik Het Initiatief zelf, of een bearer-token.";

    public static IApplicationBuilder UseSameOriginWrites(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Checked(context.Request) && !FromThisSite(context.Request, context.RequestServices.GetRequiredService<IConfiguration>()))
        {
            await Problem.Forbidden(Refusal).ToResult().ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    private static bool Checked(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") &&
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) ||
          HttpMethods.IsTrace(request.Method)) &&
        !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    public static bool FromThisSite(HttpRequest request, IConfiguration configuration)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none")) return false;

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 && Uri.TryCreate(request.Headers[HeaderNames.Referer].ToString(), UriKind.Absolute, out var referer))
            origin = referer.GetLeftPart(UriPartial.Authority);
        if (origin.Length == 0) return true;

        var own = $"{request.Scheme}://{request.Host}";
        var configured = Uri.TryCreate(configuration["Platform:BaseUrl"], UriKind.Absolute, out var baseUrl)
            ? baseUrl.GetLeftPart(UriPartial.Authority) : null;
        return SameOrigin(origin, own) || (configured is not null && SameOrigin(origin, configured));
    }

    // "null" (a sandboxed frame, a file) and anything unparseable are not this site.
    private static bool SameOrigin(string origin, string own) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var a) && Uri.TryCreate(own, UriKind.Absolute, out var b) &&
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
