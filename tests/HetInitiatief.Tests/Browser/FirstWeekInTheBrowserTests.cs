using HetInitiatief.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>
/// A teacher's first week as one journey, at desktop and at phone width: a visitor opens a shared question,
/// becomes a member and lands back on it, asks a follow-up; the owner answers, sharpens and starts a coalition;
/// colleagues join; an offer is accepted, a session scheduled and signed up for; a contribution is reported and
/// reaches the moderators. Every state is checked by <see cref="PageChecks"/> and kept as a screenshot.
/// </summary>
public sealed class FirstWeekInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app);

    [Theory]
    [InlineData(1280, 800, "desktop")]
    [InlineData(390, 844, "telefoon")]
    public async Task A_new_teachers_first_week(int width, int height, string device)
    {
        var screen = new ViewportSize { Width = width, Height = height };
        var at = (string state) => $"week-{device}-{state}";
        var title = $"Hoe laat ik zaakvakwoorden vaker terugkomen ({Guid.NewGuid().ToString()[..4]})?";

        // Anna, a member for a while, posts her question and is told what to do next.
        var anna = await _browser.NewTeacherAsync("Anna de Vries", screen);
        await PageChecks.AssertGoodAsync(anna, at("01-anna-werkplek"));
        await BrowserSession.PostQuestionAsync(anna, title);
        await anna.GetByRole(AriaRole.Status).GetByText("Je vraag staat erop").WaitForAsync();
        (await anna.Locator("#wat-nu").InnerTextAsync()).ShouldContain("Nodig collega's uit om door te vragen");
        var questionUrl = await anna.Locator("#share-link").InputValueAsync();
        questionUrl.ShouldEndWith(new Uri(anna.Url).AbsolutePath);
        await PageChecks.AssertGoodAsync(anna, at("02-anna-vraag-geplaatst"));
        var layoutHeight = await anna.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        layoutHeight.ShouldBeLessThanOrEqualTo(height * 3, "a fresh question fits in three screens");

        // Bram got the link. He sees a preview, becomes a member and lands back on the question.
        var bram = await _browser.NewPageAsync(screen);
        await bram.GotoAsync(questionUrl);
        await bram.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 }).WaitForAsync();
        await PageChecks.AssertGoodAsync(bram, at("03-bram-ziet-voorproefje"));
        await bram.GetByRole(AriaRole.Link, new() { Name = "Word lid en doe mee" }).ClickAsync();
        var bramEmail = await BrowserSession.FillRegistrationAsync(bram, "Bram Jansen");
        await PageChecks.AssertGoodAsync(bram, at("04-bram-registreert"));
        var since = ConfirmationMail.Before();
        await bram.GetByRole(AriaRole.Button, new() { Name = "Account aanmaken" }).ClickAsync();
        await BrowserSession.ConfirmEmailAsync(bram, bramEmail, since);
        await bram.WaitForURLAsync(questionUrl);
        await bram.GetByRole(AriaRole.Status).GetByText("Je e-mailadres is bevestigd").WaitForAsync();
        (await bram.Locator("#wat-nu").InnerTextAsync()).ShouldContain("Vraag door bij Anna de Vries");
        await PageChecks.AssertGoodAsync(bram, at("05-bram-terug-bij-de-vraag"));

        await bram.GetByLabel("Stel een vervolgvraag aan Anna de Vries").FillAsync("Welke woorden kies je nu, en hoe vaak komen ze terug?");
        await bram.GetByRole(AriaRole.Button, new() { Name = "Vraag door" }).ClickAsync();
        await bram.GetByRole(AriaRole.Status).GetByText("Je vervolgvraag staat erbij").WaitForAsync();
        await PageChecks.AssertGoodAsync(bram, at("06-bram-vroeg-door"));

        // Anna answers, and is then asked to sharpen her question.
        await anna.ReloadAsync();
        (await anna.Locator("#wat-nu").InnerTextAsync()).ShouldContain("Beantwoord de vervolgvraag van Bram Jansen");
        await PageChecks.AssertGoodAsync(anna, at("07-anna-ziet-vervolgvraag"));
        await anna.GetByLabel("Jouw antwoord").FillAsync("Woorden uit de zaakvakken; ze komen maar één keer terug.");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Beantwoord" }).ClickAsync();
        await anna.GetByRole(AriaRole.Status).GetByText("Je antwoord staat erbij").WaitForAsync();
        (await anna.Locator("#wat-nu").InnerTextAsync()).ShouldContain("Maak je vraag scherper");
        await PageChecks.AssertGoodAsync(anna, at("08-anna-kan-aanscherpen"));

        var sharper = $"Hoe laat ik zaakvakwoorden drie keer per week terugkomen ({Guid.NewGuid().ToString()[..4]})?";
        await anna.GetByLabel("Je vraag in één zin").FillAsync(sharper);
        await anna.GetByRole(AriaRole.Button, new() { Name = "Bewaar nieuwe versie" }).ClickAsync();
        await anna.GetByRole(AriaRole.Status).GetByText("Nieuwe versie bewaard").WaitForAsync();
        (await anna.Locator("#wat-nu").InnerTextAsync()).ShouldContain("Start een coalitie");
        await PageChecks.AssertGoodAsync(anna, at("09-anna-kan-coalitie-starten"));

        await anna.GetByLabel("Uitnodiging: wat gaan we samen leren?").FillAsync("In zes weken ontwerpen we lessen waarin zaakvakwoorden terugkomen.");
        await anna.GetByLabel("Vanaf hoeveel partners gaan we door?", new() { Exact = false }).FillAsync("3");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Start een coalitie" }).ClickAsync();
        await anna.GetByRole(AriaRole.Status).GetByText("Je coalitie is gestart").WaitForAsync();
        (await anna.Locator("#wat-nu").InnerTextAsync()).ShouldContain("Nog 2 partners nodig");
        await PageChecks.AssertGoodAsync(anna, at("10-anna-coalitie-gestart"));

        // Bram and Cas join; the group is large enough.
        await bram.GotoAsync(questionUrl);
        await JoinAsync(bram, "Ik worstel met hetzelfde in groep 7.");
        await PageChecks.AssertGoodAsync(bram, at("11-bram-doet-mee"));
        var cas = await _browser.NewTeacherAsync("Cas Visser", screen);
        await cas.GotoAsync(questionUrl);
        await JoinAsync(cas, "Ik heb een kijkwijzer voor woordenschat.");
        (await cas.Locator("#wat-nu").InnerTextAsync()).ShouldContain("De groep is groot genoeg: wie biedt iets aan?");
        await PageChecks.AssertGoodAsync(cas, at("12-cas-doet-mee-drempel-bereikt"));

        // Cas can run such a session: she says so on her profile (#durftevragen), then proposes one.
        await cas.GotoAsync("/profiel");
        await cas.GetByLabel("Taal, lezen en woordenschat").First.CheckAsync();
        await cas.GetByLabel("Wat ik kan bieden").FillAsync("Ik geef al jaren werkplaatsen over woordenschat.");
        await cas.GetByRole(AriaRole.Button, new() { Name = "Bewaar", Exact = true }).ClickAsync();
        await cas.GetByRole(AriaRole.Status).GetByText("Wat je aanbiedt is bewaard").WaitForAsync();
        await PageChecks.AssertGoodAsync(cas, at("13-cas-biedt-thema-aan"));
        await cas.GotoAsync(questionUrl);
        (await cas.Locator("#wat-nu").InnerTextAsync()).ShouldContain("doe een voorstel");
        await cas.GetByLabel("Titel", new() { Exact = true }).FillAsync("Werkplaats zaakvakwoorden");
        await cas.GetByLabel("Wat kunnen deelnemers na afloop?").FillAsync("Na afloop ontwerp je een les waarin zaakvakwoorden vaak terugkomen.");
        await cas.GetByLabel("Voorgestelde data").FillAsync("Woensdag 13 of 20 januari, 15.30 uur");
        await cas.GetByRole(AriaRole.Button, new() { Name = "Stel voor" }).ClickAsync();
        await cas.GetByRole(AriaRole.Status).GetByText("Je voorstel staat erbij").WaitForAsync();
        await PageChecks.AssertGoodAsync(cas, at("14-cas-deed-voorstel"));

        await anna.ReloadAsync();
        (await anna.Locator("#wat-nu").InnerTextAsync()).ShouldContain("Kies een voorstel namens de groep");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Neem aan namens de groep" }).ClickAsync();
        await anna.GetByRole(AriaRole.Status).GetByText("Het voorstel is aangenomen").WaitForAsync();
        await PageChecks.AssertGoodAsync(anna, at("15-anna-nam-voorstel-aan"));
        await anna.GetByRole(AriaRole.Link, new() { Name = "Zet de bijeenkomst in de agenda" }).ClickAsync();
        (await anna.GetByLabel("Titel").InputValueAsync()).ShouldBe("Werkplaats zaakvakwoorden");
        await PageChecks.AssertGoodAsync(anna, at("16-anna-plant-bijeenkomst"));
        var day = DateTime.Today.AddDays(21);
        await anna.GetByLabel("Datum", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd"));
        await anna.GetByLabel("Plaats", new() { Exact = false }).First.FillAsync("Basisschool De Regenboog");
        await anna.GetByLabel("Minimum om door te gaan").FillAsync("2");
        await anna.GetByLabel("Aanmelden kan tot en met").FillAsync(day.AddDays(-2).ToString("yyyy-MM-dd"));
        await anna.GetByRole(AriaRole.Button, new() { Name = "Plaats in de agenda" }).ClickAsync();
        await anna.GetByRole(AriaRole.Heading, new() { Name = "Werkplaats zaakvakwoorden", Level = 1 }).WaitForAsync();
        await PageChecks.AssertGoodAsync(anna, at("17-anna-bijeenkomst-gepland"));
        var sessionUrl = anna.Url;

        // Bram is asked to sign up, and does.
        await bram.GotoAsync(questionUrl);
        (await bram.Locator("#wat-nu").InnerTextAsync()).ShouldContain("Meld je aan voor de bijeenkomst");
        await bram.GotoAsync(sessionUrl);
        await bram.GetByRole(AriaRole.Button, new() { Name = "Meld je aan" }).ClickAsync();
        await bram.GetByRole(AriaRole.Status).GetByText("aangemeld", new() { Exact = false }).First.WaitForAsync();
        await PageChecks.AssertGoodAsync(bram, at("18-bram-aangemeld"));

        // Cas reports a follow-up; it lands in the moderators' queue.
        await cas.GotoAsync(questionUrl);
        var followUp = cas.Locator(".follow-up").First;
        await followUp.GetByText("Meld ongepaste inhoud").ClickAsync();
        var reason = $"Dit is reclame ({Guid.NewGuid().ToString()[..6]})";
        await followUp.GetByLabel("Waarom meld je deze vervolgvraag?").FillAsync(reason);
        await followUp.GetByRole(AriaRole.Button, new() { Name = "Stuur melding" }).ClickAsync();
        await cas.GetByRole(AriaRole.Status).GetByText("Bedankt voor je melding").WaitForAsync();
        await PageChecks.AssertGoodAsync(cas, at("19-cas-meldde"));

        await app.AdminAsync();
        var moderator = await _browser.SignInAsync(AppFixture.AdminEmail, screen);
        await moderator.GotoAsync("/moderatie/meldingen");
        await moderator.GetByText(reason).WaitForAsync();
        await PageChecks.AssertGoodAsync(moderator, at("20-moderator-ziet-melding"));

        // The narrowest phones: the board, the question, the session and the admin pages still fit.
        if (width > 400) return;
        foreach (var (page, url) in new[] { (anna, "/werkplek"), (anna, "/vragen"), (anna, questionUrl), (bram, questionUrl), (bram, sessionUrl), (moderator, "/beheer"),
                     (moderator, "/beheer/rollen"), (moderator, "/moderatie"), (moderator, "/moderatie/gezondheid") })
        {
            await page.SetViewportSizeAsync(320, 640);
            await page.GotoAsync(url);
            var (scrollWidth, viewport) = await PageChecks.WidthsAsync(page);
            scrollWidth.ShouldBeLessThanOrEqualTo(viewport, $"{url} scrolls sideways at 320 px");
        }
        await BrowserSession.ShotAsync(bram, at("21-bijeenkomst-320px"));
    }

    private static async Task JoinAsync(IPage page, string contribution)
    {
        await page.GetByLabel("Wat breng je mee, of waarom wil je dit?").FillAsync(contribution);
        await page.GetByRole(AriaRole.Button, new() { Name = "Doe mee" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText("Je doet mee met de coalitie").WaitForAsync();
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
