using System.Net;
using System.Net.Http.Json;
using Alba;
using HetInitiatief.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// Issue 12, defect 7: forwarded headers count only from known proxies, and Production answers only to its own host.
/// The client address is observed through the registration limit (one per address here), which is what a forged
/// address would otherwise escape.
/// </summary>
public sealed class ProxiesTests(AppFixture app)
{
    /// <summary>
    /// The framework trusts loopback by default, and every sender when both its lists are empty; here only what
    /// Platform:KnownProxies names is trusted, and these requests come from 127.0.0.1.
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("10.9.8.7")]
    public async Task A_forged_X_Forwarded_For_from_an_unknown_address_does_not_change_the_client_address(string knownProxies)
    {
        var settings = OneRegistrationPerAddress();
        settings[Proxies.KnownProxiesSetting] = knownProxies;
        await using var server = await WebServer.StartAsync(app.ConnectionString, settings);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        (await RegisterAsync(http, forwardedFor: "203.0.113.7")).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await RegisterAsync(http, forwardedFor: "203.0.113.8")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await RegisterAsync(http, forwardedFor: null)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_known_proxys_X_Forwarded_For_is_the_client_address()
    {
        var settings = OneRegistrationPerAddress();
        settings[Proxies.KnownProxiesSetting] = "127.0.0.1";
        await using var server = await WebServer.StartAsync(app.ConnectionString, settings);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        (await RegisterAsync(http, forwardedFor: "203.0.113.7")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await RegisterAsync(http, forwardedFor: "203.0.113.7")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        (await RegisterAsync(http, forwardedFor: "203.0.113.8")).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task X_Forwarded_Proto_counts_only_from_a_known_proxy()
    {
        await using var direct = await WebServer.StartAsync(app.ConnectionString);
        await using var proxied = await WebServer.StartAsync(app.ConnectionString, new Dictionary<string, string?> { [Proxies.KnownProxiesSetting] = "127.0.0.0/8" });

        // HSTS is sent only over HTTPS, so it shows which scheme the app believed.
        (await ProtoAsync(direct.BaseAddress)).Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        (await ProtoAsync(proxied.BaseAddress)).Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
    }

    [Fact]
    public void A_known_proxy_that_is_no_address_or_network_stops_start_up_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [Proxies.KnownProxiesSetting] = "10.0.0.1;proxy.school" }).Build();

        Should.Throw<InvalidOperationException>(() => Proxies.KnownProxies(configuration)).Message.ShouldContain(Proxies.KnownProxiesSetting);
    }

    [Fact]
    public void Production_answers_only_to_the_host_of_the_platforms_address_unless_AllowedHosts_names_others()
    {
        static IConfiguration Settings(string? allowed, string? baseUrl) => new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AllowedHosts"] = allowed, ["Platform:BaseUrl"] = baseUrl }).Build();

        Proxies.ProductionHosts(Settings("*", "https://hetinitiatief.example")).ShouldBe(["hetinitiatief.example"]);
        Proxies.ProductionHosts(Settings(null, "https://hetinitiatief.example/")).ShouldBe(["hetinitiatief.example"]);
        Proxies.ProductionHosts(Settings("hetinitiatief.example;www.hetinitiatief.example", null)).ShouldBe(["hetinitiatief.example", "www.hetinitiatief.example"]);
        Should.Throw<InvalidOperationException>(() => Proxies.ProductionHosts(Settings("*", null))).Message.ShouldContain("Platform:BaseUrl");
    }

    [Fact]
    public async Task In_Production_a_request_naming_another_host_is_refused()
    {
        await using var production = await AlbaHost.For<Program>(web => web
            .UseEnvironment("Production")
            .UseSetting("Platform:BaseUrl", "https://hetinitiatief.example"));

        await production.Scenario(x =>
        {
            x.Get.Url("/health/live");
            x.ConfigureHttpContext(c => c.Request.Host = new Microsoft.AspNetCore.Http.HostString("aanvaller.example"));
            x.StatusCodeShouldBe(400);
        });
        await production.Scenario(x =>
        {
            x.Get.Url("/health/live");
            x.ConfigureHttpContext(c => c.Request.Host = new Microsoft.AspNetCore.Http.HostString("hetinitiatief.example"));
            x.StatusCodeShouldBeOk();
        });
    }

    private static Dictionary<string, string?> OneRegistrationPerAddress() => new()
    {
        ["RateLimits:Registration:PermitLimit"] = "1",
        ["RateLimits:Registration:Window"] = "01:00:00",
    };

    private static async Task<HttpResponseMessage> ProtoAsync(Uri server)
    {
        using var http = new HttpClient { BaseAddress = server };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/over") { Headers = { { "X-Forwarded-Proto", "https" } } };
        return await http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient http, string? forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/members")
        {
            Content = JsonContent.Create(new { name = "Meester Joost", email = $"{Guid.NewGuid():N}@school.example", password = Api.Password, school = "De Start", sector = "po" }),
        };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return http.SendAsync(request);
    }
}
