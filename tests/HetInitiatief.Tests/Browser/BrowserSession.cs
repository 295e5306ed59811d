using HetInitiatief.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>
/// The platform on a real port and a headless Debian chromium in front of it, with the steps every
/// browser test starts from. Screenshots land under TestResults/screenshots.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private readonly WebServer _server;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(WebServer server, IPlaywright playwright, IBrowser browser) =>
        (_server, _playwright, _browser) = (server, playwright, browser);

    /// <param name="clock">A clock the test moves, for a server on which time has to pass.</param>
    public static async Task<BrowserSession> StartAsync(
        AppFixture app, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        Directory.CreateDirectory(Screenshots);
        var server = await WebServer.StartAsync(app.ConnectionString, settings, clock: clock);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new BrowserSession(server, playwright, browser);
    }

    public async Task<IPage> NewPageAsync(ViewportSize? screen = null, bool javaScript = true)
    {
        var context = await _browser.NewContextAsync(new()
        {
            BaseURL = _server.BaseAddress.ToString(), Locale = "nl-NL", JavaScriptEnabled = javaScript,
            ViewportSize = screen ?? new() { Width = 1100, Height = 900 },
        });
        var page = await context.NewPageAsync();
        PageChecks.WatchContentSecurityPolicy(page);
        return page;
    }

    /// <summary>A teacher who registered through the form and landed on her werkplek, signed in.</summary>
    public async Task<IPage> NewTeacherAsync(string name, ViewportSize? screen = null, bool javaScript = true) =>
        (await NewTeacherWithEmailAsync(name, screen, javaScript)).Page;

    public async Task<(IPage Page, string Email)> NewTeacherWithEmailAsync(string name, ViewportSize? screen = null, bool javaScript = true)
    {
        var page = await NewPageAsync(screen, javaScript);
        await page.GotoAsync("/registreren");
        var email = await FillRegistrationAsync(page, name);
        var since = ConfirmationMail.Before();
        await page.GetByRole(AriaRole.Button, new() { Name = "Account aanmaken" }).ClickAsync();
        await ConfirmEmailAsync(page, email, since);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Mijn werkplek", Level = 1 }).WaitForAsync();
        return (page, email);
    }

    /// <summary>
    /// Just registered, the teacher reads that a mail is on its way, opens the link in it (the real mail, from the
    /// outbox folder) and presses the button; she lands where the link leads on.
    /// </summary>
    public static async Task ConfirmEmailAsync(IPage page, string email, DateTime since)
    {
        await page.GetByText("We hebben je een mail gestuurd").WaitForAsync();
        var (_, link) = await ConfirmationMail.LinkAsync(email, since);
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestig mijn e-mailadres" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/e-mailadres-bevestigen"));
    }

    /// <summary>Fills in the registration form that is open on the page; returns the new member's e-mail address.</summary>
    public static async Task<string> FillRegistrationAsync(IPage page, string name)
    {
        var email = $"{Guid.NewGuid():N}@school.example";
        await page.GetByLabel("Je naam").FillAsync(name);
        await page.GetByLabel("Je e-mailadres").FillAsync(email);
        await page.GetByLabel("Kies een wachtwoord").FillAsync(Api.Password);
        await page.GetByLabel("Je school").FillAsync("Basisschool De Regenboog");
        await page.GetByLabel("Primair onderwijs (po)").CheckAsync();
        return email;
    }

    /// <summary>A member who already has an account signs in through the form.</summary>
    public async Task<IPage> SignInAsync(string email, ViewportSize? screen = null)
    {
        var page = await NewPageAsync(screen);
        await page.GotoAsync("/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(Api.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        // In the first minute of a full run every fixture, Chromium and the JIT start at once on two cores; a sign-in
        // was seen taking over 30 s there (once, in CI), so this wait allows the longer start-up.
        await page.WaitForURLAsync(url => !url.Contains("/inloggen"), new() { Timeout = 60_000 });
        return page;
    }

    /// <summary>Posts a question through the form and waits for its page.</summary>
    public static async Task PostQuestionAsync(IPage page, string title)
    {
        await page.GotoAsync("/vragen/nieuw");
        await page.GetByLabel("1. Je leervraag in één zin").FillAsync(title);
        await page.GetByLabel("2. Wat speelt er?").FillAsync("Mijn leerlingen vergeten nieuwe woorden na een week.");
        await page.GetByLabel("3. Waarom is dit jouw vraag?").FillAsync("Begrijpend lezen blijft achter in mijn klas.");
        await page.GetByLabel("4. Wat weet of kun je al?").FillAsync("Ik werk met de viertakt.");
        await page.GetByLabel("Taal, lezen en woordenschat").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Plaats mijn leervraag" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 }).WaitForAsync();
    }

    /// <summary>The page has joined its live groups; from here on no push can be missed.</summary>
    public static Task WaitUntilLiveAsync(IPage page) =>
        page.Locator("html[data-live=connected]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 10_000 });

    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public Uri BaseAddress => _server.BaseAddress;

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }
}
