using HetInitiatief.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>
/// Three teachers in three browsers: Anna forms a coalition of three around her question, Bram and
/// Cas join, and every page shows the meter move and the moment the group is large enough, live.
/// </summary>
public sealed class CoalitionInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app);

    [Fact]
    public async Task Three_teachers_watch_their_coalition_reach_its_threshold()
    {
        var anna = await _browser.NewTeacherAsync("Anna de Vries");
        var bram = await _browser.NewTeacherAsync("Bram Jansen");
        var cas = await _browser.NewTeacherAsync("Cas Visser");
        var title = $"Hoe geef ik feedback die leerlingen echt gebruiken ({Guid.NewGuid().ToString()[..4]})?";
        await BrowserSession.PostQuestionAsync(anna, title);
        // Before anyone has asked a follow-up, starting a coalition is folded away behind its summary.
        await anna.GetByText("Begin alvast een coalitie").ClickAsync();
        await anna.GetByLabel("Uitnodiging: wat gaan we samen leren?").FillAsync("In zes weken leren we feedback geven die leerlingen direct toepassen.");
        await anna.GetByLabel("Vanaf hoeveel partners gaan we door?", new() { Exact = false }).FillAsync("3");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Start een coalitie" }).ClickAsync();
        await Meter(anna, "1 van 3").WaitForAsync();

        var questionUrl = anna.Url.Split('#')[0];
        foreach (var page in new[] { bram, cas })
        {
            await page.GotoAsync(questionUrl);
            await BrowserSession.WaitUntilLiveAsync(page);
        }
        await BrowserSession.WaitUntilLiveAsync(anna);

        await JoinAsync(bram, "Ik worstel met hetzelfde in groep 7.");
        foreach (var page in new[] { anna, bram, cas })
            await Meter(page, "2 van 3").WaitForAsync(new() { Timeout = 10_000 });
        (await cas.Locator("#coalitie").InnerTextAsync()).ShouldContain("Bram Jansen deed net mee");
        await BrowserSession.ShotAsync(cas, "5-cas-ziet-bram-meedoen");

        await BrowserSession.WaitUntilLiveAsync(bram);
        await JoinAsync(cas, "Ik heb een kijkwijzer voor feedback.");
        foreach (var page in new[] { anna, bram, cas })
        {
            await Meter(page, "3 van 3").WaitForAsync(new() { Timeout = 10_000 });
            await page.Locator("#coalitie").GetByText("de groep is groot genoeg", new() { Exact = true }).WaitForAsync(new() { Timeout = 10_000 });
        }
        (await anna.Locator("#coalitie").GetByRole(AriaRole.Progressbar).GetAttributeAsync("aria-valuenow")).ShouldBe("3");
        // Anna also heard it in her notifications, live: the header's count went up without a reload.
        await anna.Locator("[data-unread-count]:not([hidden])").WaitForAsync(new() { Timeout = 10_000 });
        await BrowserSession.ShotAsync(anna, "6-anna-ziet-drempel-bereikt");
    }

    private static ILocator Meter(IPage page, string text) => page.Locator("#coalitie").GetByText(text, new() { Exact = true });

    private static async Task JoinAsync(IPage page, string contribution)
    {
        await page.GetByLabel("Wat breng je mee, of waarom wil je dit?").FillAsync(contribution);
        await page.GetByRole(AriaRole.Button, new() { Name = "Doe mee" }).ClickAsync();
        await page.GetByText("Je doet mee als").WaitForAsync();
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
