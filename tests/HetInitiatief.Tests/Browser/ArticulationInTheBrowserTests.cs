using HetInitiatief.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>
/// Two teachers in two browsers: Anna posts a question, Bram sees it arrive on the board without
/// reloading and asks a follow-up, Anna sees it arrive and answers, then sharpens her question.
/// Screenshots of each step are saved under TestResults/screenshots.
/// </summary>
public sealed class ArticulationInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
    private WebServer _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        _server = await WebServer.StartAsync(app.ConnectionString);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [Fact]
    public async Task Two_teachers_sharpen_a_question_together_live()
    {
        var anna = await NewTeacherAsync("Anna de Vries");
        var bram = await NewTeacherAsync("Bram Jansen");
        var title = $"Hoe blijven nieuwe woorden hangen in groep {Random.Shared.Next(3, 9)}?";

        // Bram watches the board while Anna posts.
        await bram.GotoAsync("/");
        await WaitUntilLiveAsync(bram);
        await anna.GotoAsync("/vragen/nieuw");
        await anna.GetByLabel("1. Je leervraag in één zin").FillAsync(title);
        await anna.GetByLabel("2. Wat speelt er?").FillAsync("Mijn leerlingen vergeten nieuwe woorden na een week.");
        await anna.GetByLabel("3. Waarom is dit jouw vraag?").FillAsync("Begrijpend lezen blijft achter in mijn klas.");
        await anna.GetByLabel("4. Wat weet of kun je al?").FillAsync("Ik werk met de viertakt.");
        await anna.GetByLabel("Taal, lezen en woordenschat").CheckAsync();
        await anna.ScreenshotAsync(new() { Path = Shot("1-anna-stelt-vraag"), FullPage = true });
        await anna.GetByRole(AriaRole.Button, new() { Name = "Plaats mijn leervraag" }).ClickAsync();
        await anna.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 }).WaitForAsync();

        var card = bram.GetByRole(AriaRole.Link, new() { Name = title });
        await card.WaitForAsync(new() { Timeout = 10_000 });
        await bram.ScreenshotAsync(new() { Path = Shot("2-bram-ziet-vraag-verschijnen"), FullPage = true });

        // Anna stays on her question; Bram opens it and asks a follow-up.
        await WaitUntilLiveAsync(anna);
        await card.ClickAsync();
        await bram.GetByLabel("Stel een vervolgvraag aan Anna de Vries").FillAsync("Welke woorden kies je nu, en hoe vaak komen ze terug?");
        await bram.GetByRole(AriaRole.Button, new() { Name = "Vraag door" }).ClickAsync();

        await anna.GetByText("Welke woorden kies je nu, en hoe vaak komen ze terug?").WaitForAsync(new() { Timeout = 10_000 });
        await anna.ScreenshotAsync(new() { Path = Shot("3-anna-ziet-vervolgvraag"), FullPage = true });

        // Bram stays on the question while Anna answers and reformulates.
        await WaitUntilLiveAsync(bram);
        await anna.GetByLabel("Jouw antwoord").FillAsync("Woorden uit de zaakvakken; ze komen maar één keer terug.");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Beantwoord" }).ClickAsync();
        await bram.GetByText("Woorden uit de zaakvakken; ze komen maar één keer terug.").WaitForAsync(new() { Timeout = 10_000 });

        await WaitUntilLiveAsync(anna);
        const string sharper = "Hoe laat ik zaakvakwoorden vaak genoeg terugkomen?";
        await anna.GetByLabel("Je vraag in één zin").FillAsync(sharper);
        await anna.GetByLabel("Toelichting").FillAsync("Het gaat om herhaling van woorden uit de zaakvakken, niet om een algemene cursus.");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Bewaar nieuwe versie" }).ClickAsync();

        await bram.GetByRole(AriaRole.Heading, new() { Name = sharper, Level = 1 }).WaitForAsync(new() { Timeout = 10_000 });
        var history = anna.Locator("#geschiedenis");
        (await history.GetByRole(AriaRole.Heading, new() { Level = 3 }).AllInnerTextsAsync()).ShouldBe([sharper, title]);
        (await history.InnerTextAsync()).ShouldContain("Voorafgegaan door:");
        await anna.ScreenshotAsync(new() { Path = Shot("4-anna-ziet-geschiedenis"), FullPage = true });
        await bram.ScreenshotAsync(new() { Path = Shot("5-bram-ziet-herformulering"), FullPage = true });
    }

    [Fact]
    public async Task A_visitor_is_asked_to_sign_in_and_a_wrong_password_is_explained()
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = _server.BaseAddress.ToString(), Locale = "nl-NL" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/vragen/nieuw");
        page.Url.ShouldContain("/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync("onbekend@school.example");
        await page.GetByLabel("Wachtwoord").FillAsync("verkeerd-wachtwoord-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        await page.GetByRole(AriaRole.Alert).GetByText("horen niet bij elkaar").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("0-verkeerd-wachtwoord"), FullPage = true });
    }

    private async Task<IPage> NewTeacherAsync(string name)
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = _server.BaseAddress.ToString(), Locale = "nl-NL", ViewportSize = new() { Width = 1100, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/registreren");
        await page.GetByLabel("Je naam").FillAsync(name);
        await page.GetByLabel("Je e-mailadres").FillAsync($"{Guid.NewGuid():N}@school.example");
        await page.GetByLabel("Kies een wachtwoord").FillAsync(Api.Password);
        await page.GetByLabel("Je school").FillAsync("Basisschool De Regenboog");
        await page.GetByLabel("Primair onderwijs (po)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Account aanmaken" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Leervragen" }).WaitForAsync();
        return page;
    }

    /// <summary>The page has joined its live groups; from here on no push can be missed.</summary>
    private static Task WaitUntilLiveAsync(IPage page) =>
        page.Locator("html[data-live=connected]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 10_000 });

    private static string Shot(string name) => Path.Combine(Screenshots, name + ".png");

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }
}
