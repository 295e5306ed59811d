using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;

namespace HetInitiatief.Infrastructure;

/// <summary>
/// Who the client is, and which host names this site answers to. The client's address decides rate limits, so
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> count only when the request comes from a proxy named in
/// <c>Platform:KnownProxies</c> (addresses or networks such as <c>10.0.0.0/8</c>); from anyone else they are
/// ignored, or anyone could pick a fresh address per request. In Production the site answers only to the host of
/// <c>Platform:BaseUrl</c> unless <c>AllowedHosts</c> names hosts itself ("*" is not accepted there).
/// </summary>
public static class Proxies
{
    public const string KnownProxiesSetting = "Platform:KnownProxies";

    public static WebApplicationBuilder AddProxiesAndHosts(this WebApplicationBuilder builder)
    {
        var trusted = KnownProxies(builder.Configuration);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // With both lists empty the middleware would trust every sender, so without known proxies it reads nothing.
            options.ForwardedHeaders = trusted.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; here nothing is trusted that the settings do not name.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var network in trusted) options.KnownIPNetworks.Add(network);
            // A chain of known proxies (a load balancer before nginx) is walked back to the first address not in it.
            options.ForwardLimit = null;
        });

        if (builder.Environment.IsProduction())
        {
            var hosts = ProductionHosts(builder.Configuration);
            builder.Services.PostConfigure<HostFilteringOptions>(options => options.AllowedHosts = hosts);
        }
        return builder;
    }

    public static IApplicationBuilder UseProxies(this IApplicationBuilder app) => app.UseForwardedHeaders();

    public static IReadOnlyList<System.Net.IPNetwork> KnownProxies(IConfiguration configuration)
    {
        var section = configuration.GetSection(KnownProxiesSetting);
        var entries = (section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? ""))
            .SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return entries.Select(entry =>
            System.Net.IPNetwork.TryParse(entry, out var network) ? network
            : IPAddress.TryParse(entry, out var address) ? new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8)
            : throw new InvalidOperationException(
                $"{KnownProxiesSetting}: '{entry}' is neither an IP address nor a network (like 10.0.0.0/8).")).ToList();
    }

    /// <summary>"*" would let a request name any host; Production answers only to the platform's own.</summary>
    public static List<string> ProductionHosts(IConfiguration configuration)
    {
        var configured = (configuration["AllowedHosts"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(h => h != "*").ToList();
        if (configured.Count > 0) return configured;
        if (Uri.TryCreate(configuration["Platform:BaseUrl"], UriKind.Absolute, out var baseUrl)) return [baseUrl.Host];
        throw new InvalidOperationException(
            "In Production set Platform:BaseUrl (the site's own address, e.g. https://hetinitiatief.nl) or AllowedHosts: " +
            "without them the site would answer to any Host header.");
    }
}
