using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using HetInitiatief.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// Rate limits, each proven in a server of its own with a low limit (the shared app's address registers the whole
/// suite's members). Every request here comes from 127.0.0.1, like a school behind one address.
/// </summary>
public sealed class RateLimitTests(AppFixture app)
{
    [Fact]
    public async Task Registering_beyond_the_limit_is_a_429_with_Retry_After_and_a_Dutch_problem()
    {
        await using var server = await WebServer.StartAsync(app.ConnectionString, Limit("Registration", 2, "01:00:00"));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        (await RegisterAsync(http)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await RegisterAsync(http)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var refused = await RegisterAsync(http);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await refused.Content.ReadFromJsonAsync<Api.ProblemResponse>())!;
        problem.Status.ShouldBe(429);
        problem.Title.ShouldBe("Even geduld");
        problem.Detail.ShouldContain("Probeer het over");
    }

    [Fact]
    public async Task A_client_that_hit_the_limit_is_served_again_once_the_window_has_passed()
    {
        await using var server = await WebServer.StartAsync(app.ConnectionString, Limit("PasswordReset", 1, "00:00:02"));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        // The window is short, so it may roll over between two requests: ask until refused.
        HttpResponseMessage response = null!;
        for (var attempt = 0; attempt < 10 && response?.StatusCode != HttpStatusCode.TooManyRequests; attempt++)
            response = await http.PostAsJsonAsync("/api/auth/password-reset", new { email = "niemand@school.example" });
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        await Task.Delay(response.Headers.RetryAfter!.Delta!.Value);
        (await Eventually.TrueAsync(async () =>
            (await http.PostAsJsonAsync("/api/auth/password-reset", new { email = "niemand@school.example" })).StatusCode == HttpStatusCode.Accepted))
            .ShouldBeTrue();
    }

    [Fact]
    public async Task A_signed_in_member_is_limited_as_themselves_not_as_the_address_they_share_with_colleagues()
    {
        await using var server = await WebServer.StartAsync(app.ConnectionString, Limit("Posting", 2, "01:00:00"));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var anna = await Api.RegisterAtAsync(http);
        var bram = await Api.RegisterAtAsync(http);

        (await PostAsync(http, anna)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PostAsync(http, anna)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PostAsync(http, anna)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        (await PostAsync(http, bram)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_form_beyond_the_limit_gets_the_Dutch_page_with_Retry_After()
    {
        await using var server = await WebServer.StartAsync(app.ConnectionString, Limit("SignIn", 1, "01:00:00"));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        var form = new FormUrlEncodedContent([new("Email", "iemand@school.example"), new("Password", "fout-wachtwoord-1")]);

        (await http.PostAsync("/inloggen", form)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        var refused = await http.PostAsync("/inloggen", form);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("<html lang=\"nl\"");
        page.ShouldContain("Even geduld");
    }

    [Fact]
    public async Task Token_requests_share_the_sign_in_limit_and_the_password_lockout_per_address_stays()
    {
        await using var server = await WebServer.StartAsync(app.ConnectionString, Limit("SignIn", 3, "01:00:00"));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var member = await Api.RegisterAtAsync(http);

        // RegisterAtAsync asked for one token; two more fit, the fourth does not.
        (await http.PostAsJsonAsync("/api/auth/sign-in", new { email = member.Email, password = member.Password })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await http.PostAsJsonAsync("/api/auth/token", new { email = member.Email, password = member.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.PostAsJsonAsync("/api/auth/token", new { email = member.Email, password = member.Password })).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public void The_default_limits_let_a_whole_school_register_and_sign_in_from_one_address_within_ten_minutes()
    {
        var defaults = new RateLimitSettings();
        const int teachers = 150;

        PermitsWithin(defaults.Registration, TimeSpan.FromMinutes(10)).ShouldBeGreaterThanOrEqualTo(teachers);
        // Each registers (and is signed in by the page), then signs in on a second device.
        PermitsWithin(defaults.SignIn, TimeSpan.FromMinutes(10)).ShouldBeGreaterThanOrEqualTo(2 * teachers);
        PermitsWithin(defaults.PasswordReset, TimeSpan.FromMinutes(10)).ShouldBeGreaterThanOrEqualTo(teachers / 3);
    }

    [Fact]
    public void Every_limited_route_is_a_route_of_the_platform()
    {
        var routes = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);

        RateLimits.Rules.Select(r => r.Route).Where(r => !routes.Contains(r)).ShouldBeEmpty();
    }

    [Fact]
    public void A_limit_the_platform_cannot_honour_stops_start_up_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Limit("Flags", 0, "00:10:00")).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddRateLimits().BuildServiceProvider();

        var failed = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitSettings>>().Value);

        failed.Message.ShouldContain("RateLimits:Flags:PermitLimit must be at least 1");
    }

    /// <summary>A bucket starts full and fills up again evenly over its window.</summary>
    private static int PermitsWithin(Limit limit, TimeSpan period) =>
        limit.PermitLimit + (int)(period / (limit.Window / limit.PermitLimit));

    private static Dictionary<string, string?> Limit(string name, int permits, string window) => new()
    {
        [$"RateLimits:{name}:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"RateLimits:{name}:Window"] = window,
    };

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient http) =>
        http.PostAsJsonAsync("/api/members", new { name = "Juf Ineke", email = $"{Guid.NewGuid():N}@school.example", password = Api.Password, school = "De Start", sector = "po" });

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, TestMember member)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/questions") { Content = JsonContent.Create(QuestionSteps.AUniqueQuestion()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", member.Token);
        return http.SendAsync(request);
    }
}
