using System.Net.Http.Json;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>
/// Mijn werkplek in two browsers: a new teacher is told what to do first; Anna posts and goes to her werkplek, Bram
/// is asked for his expertise, finds her question new in his theme on his werkplek and asks a follow-up; it appears on
/// Anna's werkplek without a reload and in her Meldingen, one click from where she answers it, and Bram hears of the answer.
/// </summary>
public sealed class WorkspaceInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app);

    [Theory]
    [InlineData(1280, 800, "desktop")]
    [InlineData(390, 844, "telefoon")]
    public async Task A_follow_up_arrives_on_the_owners_werkplek_live(int width, int height, string device)
    {
        var screen = new ViewportSize { Width = width, Height = height };
        var at = (string state) => $"werkplek-{device}-{state}";
        var suffix = Guid.NewGuid().ToString()[..4];
        var title = $"Hoe laat ik leerlingen elkaars werk bespreken ({suffix})?";

        // A new member lands on her werkplek, which tells her what to do first.
        var anna = await _browser.NewTeacherAsync($"Anna Werkplek {suffix}", screen);
        var (bram, bramEmail) = await _browser.NewTeacherWithEmailAsync($"Bram Werkplek {suffix}", screen);
        (await anna.Locator("#eerste-stappen").InnerTextAsync()).ShouldContain("Stel je eerste leervraag");
        (await anna.Locator("#wacht-op-jou").InnerTextAsync()).ShouldContain("Er wacht nu niets op je.");
        await PageChecks.AssertGoodAsync(anna, at("1-nieuw-lid"));

        // Bram offers her theme on his profile.
        using var bramApi = await ApiAsAsync(bramEmail);
        (await bramApi.PutAsJsonAsync("/api/me/offering", new { themes = new[] { "taal-en-lezen" }, offering = "Woordenschat in de zaakvakken." })).EnsureSuccessStatusCode();
        // Other tests post in this theme at the same time; his weekly cap must not be used up by theirs.
        (await bramApi.PutAsJsonAsync("/api/me/notification-preferences", new { preferences = new { }, expertiseRequestsPerWeek = 20 })).EnsureSuccessStatusCode();

        // She posts, and goes back to her werkplek from the header.
        await BrowserSession.PostQuestionAsync(anna, title);
        var questionUrl = anna.Url;
        await anna.Locator("#kenners summary").ClickAsync();
        (await anna.Locator("#kenners").InnerTextAsync()).ShouldContain($"Bram Werkplek {suffix}");

        // The platform asks Bram, who offers the theme, without a moderator.
        await InMeldingenAsync(bram, $"Je expertise wordt gevraagd: Anna Werkplek {suffix} stelde een vraag over");
        await PageChecks.AssertGoodAsync(bram, at("1b-bram-expertise-gevraagd"));
        await anna.GetByRole(AriaRole.Link, new() { Name = "Het Initiatief", Exact = true }).ClickAsync();
        await anna.GetByRole(AriaRole.Heading, new() { Name = "Mijn werkplek", Level = 1 }).WaitForAsync();
        await BrowserSession.WaitUntilLiveAsync(anna);
        await anna.EvaluateAsync("() => { window.notReloaded = true; }");

        // Bram finds her question on his werkplek, new in his theme, and asks a follow-up.
        await bram.GotoAsync("/werkplek");
        var news = bram.Locator("#nieuw-in-themas").GetByRole(AriaRole.Link, new() { Name = title });
        await news.WaitForAsync();
        await PageChecks.AssertGoodAsync(bram, at("2-bram-ziet-nieuwe-vraag"));
        await news.ClickAsync();
        await bram.GetByLabel($"Stel een vervolgvraag aan Anna Werkplek {suffix}").FillAsync("Wat bespreken ze nu al samen?");
        await bram.GetByRole(AriaRole.Button, new() { Name = "Vraag door" }).ClickAsync();

        // It appears on Anna's werkplek without a reload.
        var item = anna.Locator("#wacht-op-jou").GetByRole(AriaRole.Link, new() { Name = $"Beantwoord de vervolgvraag van Bram Werkplek {suffix}" });
        await item.WaitForAsync(new() { Timeout = 10_000 });
        (await anna.EvaluateAsync<bool>("() => window.notReloaded === true")).ShouldBeTrue("the werkplek reloaded instead of updating live");
        (await anna.Locator("#wacht-op-jou").InnerTextAsync()).ShouldContain("Wat bespreken ze nu al samen?");
        await PageChecks.AssertGoodAsync(anna, at("3-anna-ziet-vervolgvraag"));
        await anna.Locator(".notifications-link [data-unread-count]:not([hidden])").WaitForAsync(new() { Timeout = 10_000 });
        await InMeldingenAsync(anna, $"Bram Werkplek {suffix} vraagt door op je vraag");
        await anna.GotoAsync("/werkplek");

        // One click takes her to the follow-up, where she answers.
        await item.ClickAsync();
        await anna.WaitForURLAsync(url => url.Contains("#vervolgvraag-"));
        await anna.GetByLabel("Jouw antwoord").FillAsync("Nog niets: ik bespreek het werk zelf met de klas.");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Beantwoord" }).ClickAsync();
        await anna.GetByText("Nog niets: ik bespreek het werk zelf met de klas.").First.WaitForAsync();

        // Bram finds the answer on his werkplek.
        await bram.GotoAsync("/werkplek");
        var answer = bram.Locator("#wacht-op-jou").GetByRole(AriaRole.Link, new() { Name = $"Anna Werkplek {suffix} beantwoordde je vervolgvraag" });
        await answer.WaitForAsync();
        await PageChecks.AssertGoodAsync(bram, at("4-bram-ziet-antwoord"));
        await InMeldingenAsync(bram, $"Anna Werkplek {suffix} beantwoordde je vervolgvraag");
        await anna.GotoAsync("/werkplek");
        (await anna.Locator("#wacht-op-jou").InnerTextAsync()).ShouldNotContain("Beantwoord de vervolgvraag");
        await PageChecks.AssertGoodAsync(anna, at("5-anna-niets-meer-open"));
    }

    /// <summary>Notifications are written just after the act that caused them: look again until the line is there.</summary>
    private static async Task InMeldingenAsync(IPage page, string text)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await page.GotoAsync("/meldingen");
            if (await page.Locator("ol.notifications").GetByText(text).CountAsync() > 0) return;
            await Task.Delay(500);
        }
        (await page.Locator("ol.notifications").InnerTextAsync()).ShouldContain(text);
    }

    private async Task<HttpClient> ApiAsAsync(string email)
    {
        var http = new HttpClient { BaseAddress = _browser.BaseAddress };
        var token = await (await http.PostAsJsonAsync("/api/auth/token", new { email, password = Api.Password })).Content.ReadFromJsonAsync<Api.TokenResponse>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);
        return http;
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
