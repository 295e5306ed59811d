using System.Net.Http.Json;
using System.Text.Json;
using HetInitiatief.Sessions;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>
/// A teacher who offers a session with no question behind it sees where colleagues ask for it; and a coalition's
/// session can only be planned from the offer the group accepted — the page says so instead of showing a form.
/// </summary>
public sealed class OpenSupplyInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app);

    [Theory]
    [InlineData(1280, 800, "desktop")]
    [InlineData(390, 844, "telefoon")]
    public async Task The_host_of_open_supply_finds_the_coalition_that_asks_for_it(int width, int height, string device)
    {
        // Given a colleague's question on the theme, with a coalition not yet large enough
        var asker = await app.Host.RegisterMemberAsync("Sanne Vraagt");
        var question = await app.Host.PostQuestionAsync(asker, QuestionSteps.AQuestion(
            "Hoe laat ik leerlingen vrijer tekenen en schilderen?", "kunst-en-cultuur"));
        var coalition = await app.Host.FormCoalitionAsync(asker, question.QuestionId, threshold: 4);
        var (page, email) = await _browser.NewTeacherWithEmailAsync($"Hanna Aanbod {device}",
            new ViewportSize { Width = width, Height = height });
        using var http = new HttpClient { BaseAddress = _browser.BaseAddress };
        var token = await (await http.PostAsJsonAsync("/api/auth/token", new { email, password = Api.Password }))
            .Content.ReadFromJsonAsync<Api.TokenResponse>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);

        // When the teacher offers a session on that theme, for nobody in particular
        var plan = JsonSerializer.SerializeToNode(SessionSteps.ASession())!.AsObject();
        plan["theme"] = "kunst-en-cultuur";
        plan["title"] = "Werkplaats: vrij werken in de beeldende les";
        var created = await (await http.PostAsJsonAsync("/api/sessions", plan)).Content.ReadFromJsonAsync<SessionWritten>();

        // Then its page says it seeks a question and shows the coalition that asks for it
        await page.GotoAsync($"/bijeenkomsten/{created!.SessionId}");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Vragen die bij je aanbod passen" }).WaitForAsync();
        await page.GetByText("zoekt een vraag").First.WaitForAsync();
        (await page.GetByRole(AriaRole.Link, new() { Name = "Hoe laat ik leerlingen vrijer tekenen en schilderen?" })
            .CountAsync()).ShouldBeGreaterThan(0);
        await PageChecks.AssertGoodAsync(page, $"open-aanbod-{device}-vragen-bij-je-aanbod");

        // And planning a session for that coalition is turned away until the group accepted an offer
        await page.GotoAsync($"/bijeenkomsten/nieuw?coalitie={coalition.CoalitionId}");
        await page.GetByText("Deze coalitie heeft nog geen aanbod aangenomen.").WaitForAsync();
        (await page.GetByRole(AriaRole.Button, new() { Name = "Plaats in de agenda" }).CountAsync()).ShouldBe(0);
        await PageChecks.AssertGoodAsync(page, $"open-aanbod-{device}-nog-geen-aanbod");
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
