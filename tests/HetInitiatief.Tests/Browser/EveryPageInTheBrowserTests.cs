using HetInitiatief.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>
/// The pages outside the first-week journey, as a visitor, a member and a moderator see them, at desktop and at
/// phone width: the same checks as the journey (axe, no sideways scroll, no unasked-for error, antiforgery tokens).
/// </summary>
public sealed class EveryPageInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app);

    [Theory]
    [InlineData(1280, 800, "desktop")]
    [InlineData(390, 844, "telefoon")]
    public async Task Every_page_passes_the_checks(int width, int height, string device)
    {
        var screen = new ViewportSize { Width = width, Height = height };

        var visitor = await _browser.NewPageAsync(screen);
        foreach (var (url, name) in new[] { ("/", "start"), ("/over", "over"), ("/privacy", "privacy"), ("/inloggen", "inloggen"),
                     ("/registreren", "registreren"), ("/wachtwoord-vergeten", "wachtwoord-vergeten"), ("/netwerk/gezondheid", "netwerk-gezondheid"), ("/netwerk", "netwerk"),
                     ("/kennisbank", "kennisbank") })
        {
            await visitor.GotoAsync(url);
            await PageChecks.AssertGoodAsync(visitor, $"pagina-{device}-bezoeker-{name}");
        }
        var missing = await visitor.GotoAsync($"/vragen/{Guid.NewGuid()}");
        missing!.Status.ShouldBe(404);
        await PageChecks.AssertGoodAsync(visitor, $"pagina-{device}-bezoeker-404");

        var member = await _browser.NewTeacherAsync($"Lid {device}", screen);
        foreach (var (url, name) in new[] { ("/werkplek", "werkplek"), ("/vragen", "bord"), ("/vragen/nieuw", "nieuwe-vraag"), ("/bijeenkomsten", "agenda"), ("/themas", "themas"),
                     ("/mijn-coalities", "mijn-coalities"), ("/mijn-bijeenkomsten", "mijn-bijeenkomsten"), ("/uitnodigen", "uitnodigen"),
                     ("/portfolio", "portfolio"), ("/meldingen", "meldingen"), ("/profiel", "profiel"), ("/meldingen/voorkeuren", "voorkeuren"),
                     ("/kennisbank", "kennisbank"), ("/kennisbank/nieuw", "nieuw-product") })
        {
            await member.GotoAsync(url);
            await PageChecks.AssertGoodAsync(member, $"pagina-{device}-lid-{name}");
        }
        await member.GotoAsync("/vragen/nieuw");
        await member.GetByRole(AriaRole.Button, new() { Name = "Plaats mijn leervraag" }).ClickAsync();
        await member.Locator("#error-summary").WaitForAsync();
        await PageChecks.AssertGoodAsync(member, $"pagina-{device}-lid-nieuwe-vraag-fouten", errorExpected: true);
        var refused = await member.GotoAsync("/moderatie/gezondheid");
        refused!.Status.ShouldBe(403);
        await PageChecks.AssertGoodAsync(member, $"pagina-{device}-lid-geen-toegang");

        await app.AdminAsync();
        var admin = await _browser.SignInAsync(AppFixture.AdminEmail, screen);
        foreach (var (url, name) in new[] { ("/beheer", "beheer"), ("/beheer/rollen", "rollen"), ("/beheer/lidmaatschappen", "lidmaatschappen"),
                     ("/beheer/uitgaande-mail", "uitgaande-mail"), ("/beheer/vastgelopen-berichten", "vastgelopen-berichten"), ("/moderatie", "radar"), ("/moderatie/meldingen", "gemelde-bijdragen"),
                     ("/moderatie/logboek", "logboek"), ("/moderatie/gezondheid", "gezondheid") })
        {
            await admin.GotoAsync(url);
            await PageChecks.AssertGoodAsync(admin, $"pagina-{device}-beheerder-{name}");
        }

        // An admin's action confirms like a member's.
        await admin.GotoAsync($"/beheer/rollen?q={Uri.EscapeDataString($"Lid {device}")}");
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Maak Lid {device} moderator" }).ClickAsync();
        await admin.GetByRole(AriaRole.Status).GetByText("De rol is toegekend.").WaitForAsync();
        await PageChecks.AssertGoodAsync(admin, $"pagina-{device}-beheerder-rol-toegekend");
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
