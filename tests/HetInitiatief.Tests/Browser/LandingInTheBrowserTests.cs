using System.Net.Http.Headers;
using System.Net.Http.Json;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>
/// A visitor keeps the landing page open while three colleagues register and confirm: the seat counter counts
/// down live, an early bird who wants to be seen appears by name, her question shows up among those
/// collected, and when the last seat is taken the page switches to the launched state.
/// </summary>
public sealed class LandingInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private BrowserSession _browser = null!;

    // A network of its own with three seats, so this test owns the counter.
    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app,
        new Dictionary<string, string?> { ["Platform:NetworkId"] = Guid.NewGuid().ToString(), ["Platform:EarlyBirdSeats"] = "3" });

    [Fact]
    public async Task The_landing_page_counts_down_the_seats_live_and_switches_to_launched()
    {
        var visitor = await _browser.NewPageAsync();
        await visitor.GotoAsync("/");
        await visitor.GetByText("Nog 3 van 3 plekken").WaitForAsync();
        await BrowserSession.WaitUntilLiveAsync(visitor);
        using var http = new HttpClient { BaseAddress = _browser.BaseAddress };

        var first = await RegisterAsync(http, "Fenna Vroeg");
        await visitor.GetByText("Nog 2 van 3 plekken").WaitForAsync(new() { Timeout = 10_000 });

        (await Put(http, first, "/api/me/early-bird-listing", new { listed = true })).ShouldBe(200);
        await visitor.Locator("#early-birds").GetByText("Fenna Vroeg").WaitForAsync(new() { Timeout = 10_000 });
        var title = $"Hoe maak ik van rekenen een gesprek ({Guid.NewGuid().ToString()[..4]})?";
        (await Post(http, first, "/api/questions", QuestionSteps.AQuestion(title))).ShouldBe(201);
        await visitor.Locator("#collected-questions").GetByText(title).WaitForAsync(new() { Timeout = 10_000 });
        await BrowserSession.ShotAsync(visitor, "landing-1-verzamelen");

        await RegisterAsync(http, "Gijs Vroeg");
        await visitor.GetByText("Nog 1 van 3 plekken").WaitForAsync(new() { Timeout = 10_000 });
        await RegisterAsync(http, "Hanna Vroeg");
        await visitor.GetByText("We zijn gestart!").WaitForAsync(new() { Timeout = 10_000 });
        (await visitor.Locator("[data-seats-left]").CountAsync()).ShouldBe(0);
        await BrowserSession.ShotAsync(visitor, "landing-2-gestart");
    }

    private static async Task<string> RegisterAsync(HttpClient http, string name)
    {
        var email = $"{Guid.NewGuid():N}@school.example";
        var since = ConfirmationMail.Before();
        (await http.PostAsJsonAsync("/api/members", new { name, email, password = Api.Password, school = "De Start", sector = "po" })).EnsureSuccessStatusCode();
        // The seat is taken when the address is confirmed.
        await Api.ConfirmEmailAsync(http, email, since);
        var token = await (await http.PostAsJsonAsync("/api/auth/token", new { email, password = Api.Password })).Content.ReadFromJsonAsync<Api.TokenResponse>();
        return token!.AccessToken;
    }

    private static async Task<int> Put(HttpClient http, string token, string url, object body) =>
        (int)(await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body), Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } })).StatusCode;

    private static async Task<int> Post(HttpClient http, string token, string url, object body) =>
        (int)(await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body), Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } })).StatusCode;

    public async ValueTask DisposeAsync() => await _browser.DisposeAsync();
}
