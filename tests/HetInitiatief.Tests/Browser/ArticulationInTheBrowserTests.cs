using HetInitiatief.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>
/// Two teachers in two browsers: Anna posts a question, Bram sees it arrive on the board without
/// reloading and asks a follow-up, Anna sees it arrive and answers, then sharpens her question.
/// </summary>
public sealed class ArticulationInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app);

    [Fact]
    public async Task Two_teachers_sharpen_a_question_together_live()
    {
        var anna = await _browser.NewTeacherAsync("Anna de Vries");
        var bram = await _browser.NewTeacherAsync("Bram Jansen");
        var title = $"Hoe blijven nieuwe woorden hangen in groep {Random.Shared.Next(3, 9)}?";

        // Bram watches the board while Anna posts.
        await bram.GotoAsync("/vragen");
        await BrowserSession.WaitUntilLiveAsync(bram);
        await BrowserSession.PostQuestionAsync(anna, title);

        var card = bram.GetByRole(AriaRole.Link, new() { Name = title });
        await card.WaitForAsync(new() { Timeout = 10_000 });
        await BrowserSession.ShotAsync(bram, "1-bram-ziet-vraag-verschijnen");

        // Anna stays on her question; Bram opens it and asks a follow-up.
        await BrowserSession.WaitUntilLiveAsync(anna);
        await card.ClickAsync();
        await bram.GetByLabel("Stel een vervolgvraag aan Anna de Vries").FillAsync("Welke woorden kies je nu, en hoe vaak komen ze terug?");
        await bram.GetByRole(AriaRole.Button, new() { Name = "Vraag door" }).ClickAsync();

        await anna.Locator("#follow-up-list").GetByText("Welke woorden kies je nu, en hoe vaak komen ze terug?").WaitForAsync(new() { Timeout = 10_000 });
        // Her next step changed with it, without a reload.
        await anna.Locator("#wat-nu").GetByText("Beantwoord de vervolgvraag van Bram Jansen").WaitForAsync(new() { Timeout = 10_000 });
        await BrowserSession.ShotAsync(anna, "2-anna-ziet-vervolgvraag");

        // Bram stays on the question while Anna answers and reformulates.
        await BrowserSession.WaitUntilLiveAsync(bram);
        await anna.GetByLabel("Jouw antwoord").FillAsync("Woorden uit de zaakvakken; ze komen maar één keer terug.");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Beantwoord" }).ClickAsync();
        await bram.Locator("#follow-up-list").GetByText("Woorden uit de zaakvakken; ze komen maar één keer terug.").WaitForAsync(new() { Timeout = 10_000 });

        await BrowserSession.WaitUntilLiveAsync(anna);
        const string sharper = "Hoe laat ik zaakvakwoorden vaak genoeg terugkomen?";
        await anna.GetByLabel("Je vraag in één zin").FillAsync(sharper);
        await anna.GetByLabel("Toelichting").FillAsync("Het gaat om herhaling van woorden uit de zaakvakken, niet om een algemene cursus.");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Bewaar nieuwe versie" }).ClickAsync();

        await bram.GetByRole(AriaRole.Heading, new() { Name = sharper, Level = 1 }).WaitForAsync(new() { Timeout = 10_000 });
        var history = anna.Locator("#geschiedenis");
        (await history.GetByRole(AriaRole.Heading, new() { Level = 3 }).AllInnerTextsAsync()).ShouldBe([sharper, title]);
        (await history.InnerTextAsync()).ShouldContain("Voorafgegaan door:");
        await BrowserSession.ShotAsync(anna, "3-anna-ziet-geschiedenis");
        await BrowserSession.ShotAsync(bram, "4-bram-ziet-herformulering");
    }

    [Fact]
    public async Task A_visitor_is_asked_to_sign_in_and_a_wrong_password_is_explained()
    {
        var page = await _browser.NewPageAsync();

        await page.GotoAsync("/vragen/nieuw");
        page.Url.ShouldContain("/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync("onbekend@school.example");
        await page.GetByLabel("Wachtwoord").FillAsync("verkeerd-wachtwoord-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        await page.GetByRole(AriaRole.Alert).GetByText("horen niet bij elkaar").WaitForAsync();
        await BrowserSession.ShotAsync(page, "0-verkeerd-wachtwoord");
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
