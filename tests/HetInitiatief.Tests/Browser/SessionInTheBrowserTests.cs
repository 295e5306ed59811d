using System.Net.Http.Json;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>
/// From a coalition at its threshold to a celebrated success: Bram proposes a session, Cas shows
/// interest, Anna accepts and plans it, Bram and Cas sign up while Anna watches the seats fill live,
/// the session goes ahead at its deadline, Bram gives feedback, and Anna's success story appears on
/// the question page.
/// </summary>
public sealed class SessionInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app, clock: _clock);

    [Fact]
    public async Task A_coalition_gets_its_session_and_celebrates_the_result()
    {
        var (anna, annaEmail) = await _browser.NewTeacherWithEmailAsync("Anna de Vries");
        var bram = await _browser.NewTeacherAsync("Bram Jansen");
        var cas = await _browser.NewTeacherAsync("Cas Visser");
        var title = $"Hoe laat ik woorden terugkomen in de zaakvakken ({Guid.NewGuid().ToString()[..4]})?";
        await BrowserSession.PostQuestionAsync(anna, title);
        await anna.GetByText("Begin alvast een coalitie").ClickAsync();
        await anna.GetByLabel("Uitnodiging: wat gaan we samen leren?").FillAsync("Samen een aanpak voor zaakvakwoorden ontwerpen.");
        await anna.GetByLabel("Vanaf hoeveel partners gaan we door?", new() { Exact = false }).FillAsync("3");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Start een coalitie" }).ClickAsync();
        var questionUrl = anna.Url.Split('#')[0];
        foreach (var member in new[] { bram, cas })
        {
            await member.GotoAsync(questionUrl);
            await member.GetByLabel("Wat breng je mee, of waarom wil je dit?").FillAsync("Ik wil dit ook leren.");
            await member.GetByRole(AriaRole.Button, new() { Name = "Doe mee" }).ClickAsync();
            await member.GetByText("Je doet mee als").WaitForAsync();
        }

        // Bram says on his profile what he can offer (#durftevragen), then proposes; Anna, on her page,
        // sees it arrive; Cas is interested; Anna accepts for the group.
        await bram.GotoAsync("/profiel");
        await bram.GetByLabel("Taal, lezen en woordenschat").First.CheckAsync();
        await bram.GetByLabel("Wat ik kan bieden").FillAsync("Ik heb een aanpak voor woordenschat in de zaakvakken.");
        await bram.GetByRole(AriaRole.Button, new() { Name = "Bewaar", Exact = true }).ClickAsync();
        await bram.GotoAsync(questionUrl);
        await anna.GotoAsync(questionUrl);
        await BrowserSession.WaitUntilLiveAsync(anna);
        // Proposing is Bram's next step, so the proposal form is already unfolded.
        await bram.GetByLabel("Titel", new() { Exact = true }).FillAsync("Werkplaats zaakvakwoorden");
        await bram.GetByLabel("Wat kunnen deelnemers na afloop?").FillAsync("Na afloop ontwerp je een les waarin zaakvakwoorden vaak terugkomen.");
        await bram.GetByLabel("Voorgestelde data").FillAsync("Een woensdagmiddag in januari");
        await bram.GetByRole(AriaRole.Button, new() { Name = "Stel voor" }).ClickAsync();
        await anna.GetByRole(AriaRole.Heading, new() { Name = "Werkplaats zaakvakwoorden" }).WaitForAsync(new() { Timeout = 10_000 });
        await cas.GotoAsync(questionUrl);
        await cas.GetByRole(AriaRole.Button, new() { Name = "Interesse" }).ClickAsync();
        await anna.GetByText("1 geïnteresseerd").WaitForAsync(new() { Timeout = 10_000 });
        await anna.GetByRole(AriaRole.Button, new() { Name = "Neem aan namens de groep" }).ClickAsync();
        await anna.GetByText("aangenomen", new() { Exact = true }).WaitForAsync();
        await BrowserSession.ShotAsync(anna, "7-anna-neemt-aanbod-aan");

        // Anna plans it: the accepted plan fills the form, and the dates Bram proposed stand above the date fields.
        await anna.GetByRole(AriaRole.Link, new() { Name = "Plan de bijeenkomst" }).ClickAsync();
        (await anna.GetByLabel("Titel").InputValueAsync()).ShouldBe("Werkplaats zaakvakwoorden");
        await anna.GetByText("Voorgesteld: Een woensdagmiddag in januari").WaitForAsync();
        (await anna.GetByLabel("Link om online mee te doen").IsVisibleAsync()).ShouldBeFalse();

        // She forgets the date: the form says so at the date field, and nothing about an end before the start.
        var day = DateTime.UtcNow.AddDays(3);
        await anna.GetByLabel("Plaats", new() { Exact = true }).FillAsync("Basisschool De Regenboog");
        await anna.GetByLabel("Minimum om door te gaan").FillAsync("2");
        await anna.GetByLabel("Aanmelden kan tot en met").FillAsync(day.AddDays(-1).ToString("yyyy-MM-dd"));
        await anna.GetByRole(AriaRole.Button, new() { Name = "Plaats in de agenda" }).ClickAsync();
        var date = anna.GetByLabel("Datum", new() { Exact = true });
        await anna.Locator("#Day-error").GetByText("Vul een datum in").WaitForAsync();
        (await date.GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await date.GetAttributeAsync("aria-describedby"))!.Split(' ').ShouldContain("Day-error");
        (await anna.ContentAsync()).ShouldNotContain("Het einde ligt na het begin.");
        await anna.GetByText("Voorgesteld: Een woensdagmiddag in januari").WaitForAsync();
        await ShotsAsync(anna, "7b-formulier-zonder-datum");

        await date.FillAsync(day.ToString("yyyy-MM-dd"));
        await anna.GetByRole(AriaRole.Button, new() { Name = "Plaats in de agenda" }).ClickAsync();
        await anna.GetByRole(AriaRole.Heading, new() { Name = "Werkplaats zaakvakwoorden", Level = 1 }).WaitForAsync();
        await anna.GetByRole(AriaRole.Status).GetByText("De bijeenkomst staat in de agenda").WaitForAsync();
        (await anna.GetByRole(AriaRole.Link, new() { Name = "Terug naar de vraag" }).GetAttributeAsync("href"))
            .ShouldBe(new Uri(questionUrl).AbsolutePath + "#coalitie");
        var sessionUrl = anna.Url.Split('#')[0];
        await ShotsAsync(anna, "7c-bijeenkomst-staat-in-de-agenda");
        await BrowserSession.WaitUntilLiveAsync(anna);

        // Anna hosts it: she is offered no seat of her own.
        await anna.GetByText("Je organiseert deze bijeenkomst.").WaitForAsync();
        (await anna.GetByRole(AriaRole.Button, new() { Name = "Meld je aan" }).CountAsync()).ShouldBe(0);

        // Bram and Cas sign up (coalition members go first); Anna watches the seats fill.
        foreach (var (member, seats) in new[] { (bram, "1 van 20"), (cas, "2 van 20") })
        {
            await member.GotoAsync(sessionUrl);
            await member.GetByRole(AriaRole.Button, new() { Name = "Meld je aan" }).ClickAsync();
            await member.GetByRole(AriaRole.Status).GetByText("Je bent aangemeld").WaitForAsync();
            await member.Locator("#plekken").GetByText("Je bent aangemeld.").WaitForAsync();
            await anna.Locator("#plekken").GetByText(seats, new() { Exact = true }).WaitForAsync(new() { Timeout = 10_000 });
        }
        await cas.Locator("#deelnemers").GetByText("Bram Jansen").WaitForAsync();
        await ShotsAsync(cas, "8a-cas-is-aangemeld");
        await anna.ReloadAsync();
        await anna.Locator("#deelnemers").GetByText("Cas Visser").WaitForAsync();
        await ShotsAsync(anna, "8-anna-ziet-plekken-vollopen");

        // Anna moves it a day: an empty date is told at the date, a filled one is confirmed.
        await anna.GetByRole(AriaRole.Button, new() { Name = "Verplaats", Exact = true }).ClickAsync();
        await anna.Locator("#Day-error").GetByText("Vul een datum in").WaitForAsync();
        await anna.GetByLabel("Verplaats naar").FillAsync(day.AddDays(1).ToString("yyyy-MM-dd"));
        await anna.GetByRole(AriaRole.Button, new() { Name = "Verplaats", Exact = true }).ClickAsync();
        await anna.GetByRole(AriaRole.Status).GetByText("De bijeenkomst is verplaatst").WaitForAsync();

        // The deadline comes (moved close, through the API) and the session goes ahead. In this test two
        // app instances share the database, and the deadline may fire in the other one, whose pushes do
        // not reach this browser (one node in production; see the notes on scale-out): so Bram reloads.
        using var http = new HttpClient { BaseAddress = _browser.BaseAddress };
        var token = await (await http.PostAsJsonAsync("/api/auth/token", new { email = annaEmail, password = Api.Password })).Content.ReadFromJsonAsync<Api.TokenResponse>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);
        var startsAt = _clock.GetUtcNow().AddHours(1);
        var sessionId = sessionUrl.Split('/').Last();
        var move = new { startsAt, endsAt = startsAt.AddHours(1), signUpDeadline = _clock.GetUtcNow().AddSeconds(3) };
        (await http.PutAsJsonAsync($"/api/sessions/{sessionId}/schedule", move)).EnsureSuccessStatusCode();
        (await Eventually.TrueAsync(async () =>
            (await (await http.GetAsync($"/api/sessions/{sessionId}")).Content.ReadFromJsonAsync<HetInitiatief.Sessions.SessionView>())!.Status == HetInitiatief.Sessions.SessionStatus.Confirmed))
            .ShouldBeTrue();
        await bram.ReloadAsync();
        await bram.Locator("#plekken").GetByText("gaat door").WaitForAsync();

        // Afterwards (the server's clock moved to the start): Anna records who was there, Bram gives feedback, Anna
        // celebrates.
        _clock.AdvanceTo(startsAt);
        await anna.GotoAsync(sessionUrl);
        await anna.GetByLabel("Bram Jansen").CheckAsync();
        await anna.GetByLabel("Cas Visser").CheckAsync();
        await anna.GetByRole(AriaRole.Button, new() { Name = "Bewaar aanwezigheid" }).ClickAsync();
        await anna.GetByRole(AriaRole.Status).GetByText("De aanwezigheid is bewaard").WaitForAsync();
        await bram.GotoAsync(sessionUrl);
        await bram.GetByLabel("4", new() { Exact = true }).CheckAsync();
        await bram.GetByLabel("Wat ga ik anders doen in mijn praktijk?").FillAsync("Ik laat zaakvakwoorden elke les terugkomen.");
        await bram.GetByRole(AriaRole.Button, new() { Name = "Geef feedback" }).ClickAsync();
        await bram.GetByText("1 deelnemer gaf feedback").WaitForAsync();
        await bram.GetByRole(AriaRole.Status).GetByText("Dank je wel voor je feedback").WaitForAsync();

        await anna.GotoAsync(questionUrl);
        await anna.GetByRole(AriaRole.Button, new() { Name = "Ja, bereikt" }).ClickAsync();
        const string story = "Na de werkplaats komen zaakvakwoorden in al onze klassen elke les terug.";
        await anna.GetByLabel("Deel een succesverhaal").FillAsync(story);
        await anna.GetByRole(AriaRole.Button, new() { Name = "Publiceer" }).ClickAsync();
        await bram.GotoAsync(questionUrl);
        await bram.Locator("#successen").GetByText(story).WaitForAsync();
        await BrowserSession.ShotAsync(bram, "9-bram-ziet-succesverhaal");
    }

    /// <summary>The page on a laptop and on a phone.</summary>
    private static async Task ShotsAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(1280, 800);
        await BrowserSession.ShotAsync(page, name + "-1280");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserSession.ShotAsync(page, name + "-390");
        await page.SetViewportSizeAsync(1100, 900);
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
