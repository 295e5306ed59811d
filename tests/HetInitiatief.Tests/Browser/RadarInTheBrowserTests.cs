using HetInitiatief.Members;
using HetInitiatief.Tests.Infrastructure;
using HetInitiatief.Tests.Moderation;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>
/// Mo moderates. A question nobody probed for three days is on her radar; she nudges Eva, whose profile
/// offers the theme; Eva opens the question from her notification and asks a follow-up; the item
/// leaves Mo's radar while she looks at it, without a reload.
/// </summary>
public sealed class RadarInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app);

    [Fact]
    public async Task A_moderator_nudges_an_expert_and_the_stale_question_leaves_the_radar_live()
    {
        var theme = "burgerschap";
        var owner = await app.Host.RegisterMemberAsync("Olga Vraagsteller");
        var title = $"Hoe bespreek ik het nieuws in groep 8 ({Guid.NewGuid().ToString()[..4]})?";
        var questionId = await app.QuestionPostedAgoAsync(owner, TimeSpan.FromDays(3), theme, title);

        var eva = await _browser.NewTeacherAsync($"Eva Expert {Guid.NewGuid().ToString()[..4]}");
        await eva.GotoAsync("/profiel");
        await eva.GetByLabel("Burgerschap en sociale vorming").First.CheckAsync();
        await eva.GetByLabel("Wat ik kan bieden").FillAsync("Ik geef al jaren nieuwslessen.");
        await eva.GetByRole(AriaRole.Button, new() { Name = "Bewaar", Exact = true }).ClickAsync();

        var moderator = await app.ModeratorAsync();
        var mo = await _browser.SignInAsync(moderator.Email);
        await mo.GotoAsync("/moderatie");
        var card = mo.Locator("li.card", new() { HasText = title });
        await card.GetByText("Niemand vroeg door").WaitForAsync();
        await card.GetByRole(AriaRole.Link, new() { Name = "Porren…" }).ClickAsync();
        card = mo.Locator("li.card", new() { HasText = title });
        var evaName = (await eva.Locator(".who").TextContentAsync())!.Trim();
        await card.GetByLabel(evaName).CheckAsync();
        await card.GetByLabel("Een vriendelijk woord (optioneel)").FillAsync("Jij geeft nieuwslessen, kun je Olga helpen?");
        await card.GetByRole(AriaRole.Button, new() { Name = "Por", Exact = true }).ClickAsync();
        await mo.Locator("li.card", new() { HasText = title }).GetByText("1 lid").WaitForAsync();
        await BrowserSession.WaitUntilLiveAsync(mo);
        await BrowserSession.ShotAsync(mo, "radar-1-gepord");

        // Eva follows her notification to the question and probes it.
        await eva.GotoAsync("/meldingen");
        await eva.GetByText("denkt dat jij kunt helpen").ClickAsync();
        await eva.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 }).WaitForAsync();
        await eva.GetByLabel("Stel een vervolgvraag aan Olga Vraagsteller").FillAsync("Welke nieuwsbronnen gebruik je nu?");
        await eva.GetByRole(AriaRole.Button, new() { Name = "Vraag door" }).ClickAsync();

        await mo.Locator("li.card", new() { HasText = title }).WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 10_000 });
        await BrowserSession.ShotAsync(mo, "radar-2-opgelost");
        (await app.RadarAsync(moderator)).Items.ShouldNotContain(i => i.QuestionId == questionId && i.Kind == HetInitiatief.Moderation.RadarKinds.Unprobed);
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
