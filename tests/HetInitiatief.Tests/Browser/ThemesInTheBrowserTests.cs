using HetInitiatief.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>A member follows a theme on the themes page, finds its questions under "Mijn thema's", and stops following.</summary>
public sealed class ThemesInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app);

    [Fact]
    public async Task A_member_follows_a_theme_sees_my_themes_on_the_board_and_unfollows()
    {
        var page = await _browser.NewTeacherAsync($"Tessa Thema {Guid.NewGuid().ToString()[..4]}");

        await page.GotoAsync("/vragen?theme=mijn");
        await page.GetByText("Je volgt nog geen thema's.").WaitForAsync();
        await PageChecks.AssertGoodAsync(page, "thema-01-nog-geen-themas");

        await page.GotoAsync("/themas");
        await page.GetByRole(AriaRole.Button, new() { Name = "Volg dit thema: Praktijkonderzoek" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText("Je volgt nu \"Praktijkonderzoek\"").WaitForAsync();
        await PageChecks.AssertGoodAsync(page, "thema-02-volgt-thema");

        await page.GetByRole(AriaRole.Link, new() { Name = "Mijn thema's" }).First.ClickAsync();
        await page.GetByText("Vragen in de thema's die je volgt: Praktijkonderzoek.").WaitForAsync();
        await PageChecks.AssertGoodAsync(page, "thema-03-mijn-themas");

        await page.GotoAsync("/themas");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ontvolgen: Praktijkonderzoek" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText("Je volgt \"Praktijkonderzoek\" niet meer.").WaitForAsync();
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
