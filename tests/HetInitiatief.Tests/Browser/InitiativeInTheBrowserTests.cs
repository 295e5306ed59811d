using System.Net.Http.Json;
using HetInitiatief.Coalitions;
using HetInitiatief.Initiative;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>
/// After the session the group carries on, on the question page: an approach, a trial, what happened, a look back,
/// criteria agreed together, and completion — each step confirmed, and only the step at hand opened.
/// </summary>
public sealed class InitiativeInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app);

    [Theory]
    [InlineData(1280, 800, "desktop")]
    [InlineData(390, 844, "telefoon")]
    public async Task An_initiator_takes_the_group_from_approach_to_completion(int width, int height, string device)
    {
        // Given a teacher whose coalition is large enough (two partners joined)
        var (page, email) = await _browser.NewTeacherWithEmailAsync($"Iris Initiatief {device}",
            new ViewportSize { Width = width, Height = height });
        using var http = new HttpClient { BaseAddress = _browser.BaseAddress };
        var token = await (await http.PostAsJsonAsync("/api/auth/token", new { email, password = Api.Password }))
            .Content.ReadFromJsonAsync<Api.TokenResponse>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);
        var question = await (await http.PostAsJsonAsync("/api/questions",
            QuestionSteps.AQuestion("Hoe laat ik leerlingen vakwoorden echt gebruiken?"))).Content
            .ReadFromJsonAsync<QuestionWritten>();
        var coalition = await (await http.PostAsJsonAsync($"/api/questions/{question!.QuestionId}/coalition",
            new { threshold = 3, invitation = "Samen leren hoe vakwoorden blijven hangen in schrijfwerk." })).Content
            .ReadFromJsonAsync<CoalitionWritten>();
        var (partner, other) = (await app.Host.RegisterMemberAsync(), await app.Host.RegisterMemberAsync());
        await app.Host.JoinAsync(partner, coalition!.CoalitionId);
        await app.Host.JoinAsync(other, coalition.CoalitionId);

        // When the initiator records the approach (the form is open: it is the step at hand)
        await page.GotoAsync($"/vragen/{question.QuestionId}#initiatief");
        await CurrentPhase(page, "Groot genoeg").WaitForAsync();
        await page.GetByLabel("Wat gaan jullie proberen?").FillAsync("Elke les tien vakwoorden op een woordmuur.");
        await page.GetByLabel("Voor wie?", new() { Exact = false }).FillAsync("Leerlingen van 3 havo");
        await page.GetByLabel("Met welk doel?").FillAsync("Leerlingen gebruiken de woorden zelf in hun verslagen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Leg de aanpak vast" }).ClickAsync();
        await page.GetByText("De aanpak is vastgelegd.").WaitForAsync();

        // And agrees a trial; the phase moves to trying
        await page.GetByLabel("Wat proberen jullie uit?").FillAsync("Een woordmuur in elke geschiedenisles.");
        await page.GetByLabel("Tot wanneer?").FillAsync(DateTime.UtcNow.AddDays(21).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Waar letten jullie op?").FillAsync("Gebruiken ze de woorden in hun schrijfwerk?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spreek de proef af" }).ClickAsync();
        await page.GetByText("De proef is afgesproken.", new() { Exact = false }).WaitForAsync();
        await CurrentPhase(page, "Uitproberen").WaitForAsync();
        await PageChecks.AssertGoodAsync(page, $"initiatief-{device}-proef-loopt");

        // And shares what happened, with its evidence, then looks back
        await page.GetByLabel("Werk van leerlingen").CheckAsync();
        await page.GetByLabel("Wat gebeurde er?")
            .FillAsync("Vier van de vijf verslagen gebruikten drie nieuwe woorden.");
        await page.GetByLabel("Bewijs als bestand (niet verplicht)").SetInputFilesAsync(new FilePayload
        {
            Name = "verslagen-3b.pdf", MimeType = "application/pdf", Buffer = KennisbankSteps.APdf(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Deel je ervaring" }).ClickAsync();
        await page.GetByText("Je ervaring is gedeeld met de groep.").WaitForAsync();
        await page.Locator("#proeven").GetByRole(AriaRole.Link, new() { Name = "verslagen-3b.pdf", Exact = false })
            .WaitForAsync();
        await page.GetByText("Blik terug op proef 1").ClickAsync();
        await page.GetByLabel("Wat ging goed?").FillAsync("De woordmuur hielp bij het schrijven.");
        await page.GetByLabel("Wat doen jullie volgende keer anders?").FillAsync("Minder woorden tegelijk.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Leg de terugblik vast" }).ClickAsync();
        await page.GetByText("De terugblik is vastgelegd.", new() { Exact = false }).WaitForAsync();
        await CurrentPhase(page, "Terugblikken").WaitForAsync();

        // And proposes when it is done; a partner agrees, which makes it the group's criteria
        await page.GetByText("Stel afrondingscriteria voor").ClickAsync();
        await page.GetByLabel("Wanneer is het initiatief af?")
            .FillAsync("Elke leerling gebruikt tien vakwoorden in het eindverslag.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stel voor" }).ClickAsync();
        await page.GetByText("Je voorstel voor de afrondingscriteria", new() { Exact = false }).WaitForAsync();
        await app.Host.SendAsync(
            partner, $"/api/coalitions/{coalition.CoalitionId}/completion-criteria/support", null, 200);

        // Then the initiator completes it and the page celebrates, in the completed phase
        await page.ReloadAsync();
        await page.GetByLabel("Wat hebben jullie bereikt? Dit vieren we.").FillAsync(
            "Alle klassen schrijven nu met vakwoorden; de sectie neemt de woordmuur over.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rond af" }).ClickAsync();
        await page.GetByText("Gefeliciteerd: het initiatief is afgerond!", new() { Exact = false }).WaitForAsync();
        await CurrentPhase(page, "Afgerond").WaitForAsync();
        (await page.GetByRole(AriaRole.Button, new() { Name = "Spreek een volgende proef af" }).CountAsync())
            .ShouldBe(0);
        await PageChecks.AssertGoodAsync(page, $"initiatief-{device}-afgerond");

        // And what the group made goes into the kennisbank, where a colleague typing a similar question finds it
        var word = $"vakwoordmuur{device}{Guid.NewGuid():N}"[..24];
        await page.GetByRole(AriaRole.Link, new() { Name = "Deel wat jullie maakten" }).ClickAsync();
        await page.GetByLabel("Les(senreeks)").CheckAsync();
        await page.GetByLabel("Titel").FillAsync($"De {word}: zo laat je leerlingen vakwoorden gebruiken");
        await page.GetByLabel("Beschrijving").FillAsync($"Een {word} in elke les, met vijf woorden per week en een quiz.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zet het in de kennisbank" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"De {word}", Exact = false }).WaitForAsync();
        var colleague = await _browser.NewTeacherAsync($"Cas Collega {device}", new ViewportSize { Width = width, Height = height });
        await colleague.GotoAsync("/vragen/nieuw");
        await colleague.GetByLabel("1. Je leervraag in één zin").FillAsync($"Hoe maak ik een {word} voor mijn klas?");
        var material = colleague.Locator("#material");
        await material.GetByRole(AriaRole.Link, new() { Name = $"De {word}", Exact = false })
            .WaitForAsync(new() { Timeout = 10_000 });
        await PageChecks.AssertGoodAsync(colleague, $"initiatief-{device}-materiaal-gevonden");

        // And "mijn coalities" shows the phase
        await page.GotoAsync("/mijn-coalities");
        await page.Locator(".card").GetByText("Afgerond", new() { Exact = true }).WaitForAsync();
        await PageChecks.AssertGoodAsync(page, $"initiatief-{device}-mijn-coalities");
    }

    private static ILocator CurrentPhase(IPage page, string name) =>
        page.Locator("[aria-current=step]").GetByText(name, new() { Exact = true });

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
