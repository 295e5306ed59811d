using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace HetInitiatief.Infrastructure;

/// <summary>
/// How pages and files travel: compressed (teachers open the site on phones, often on school Wi-Fi
/// or mobile data), and static files cached for a year when their URL carries a version hash
/// (<c>asp-append-version</c> adds <c>?v=</c>), so a changed file gets a new URL and is fetched again.
/// </summary>
public static class Serving
{
    /// <summary>Files asked for without a version may change under the same URL: browsers check back soon.</summary>
    public const string ShortCache = "public,max-age=300";

    public const string LongCache = "public,max-age=31536000,immutable";

    public static IServiceCollection AddServing(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // BREACH needs a secret repeated in every response next to reflected input; the antiforgery
            // token is encrypted afresh for each response, so compressing over HTTPS gives nothing away.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            // Static files are served as text/javascript; SVG and problem details are text as well.
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["text/javascript", "image/svg+xml", "application/problem+json", "application/manifest+json"]);
        });
        // Both at the fastest level: the work is done per request and the server is small.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }

    public static IApplicationBuilder UseServing(this IApplicationBuilder app)
    {
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] =
                context.Context.Request.Query.ContainsKey("v") ? LongCache : ShortCache,
        });
        return app;
    }
}
