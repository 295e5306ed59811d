using System.Text.RegularExpressions;
using HetInitiatief.Tests.Infrastructure;
using HetInitiatief.Moderation;
using HetInitiatief.Tests.Moderation;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>
/// Mo opens the health dashboard. On a laptop every indicator's trend chart is on the first screen, below
/// the heading and the week picker; on a phone nothing makes the page scroll sideways; the weekly numbers
/// are one click away.
/// </summary>
public sealed class HealthInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app);

    [Fact]
    public async Task A_moderator_sees_every_trend_on_the_first_screen_and_no_sideways_scroll_on_a_phone()
    {
        var moderator = await app.ModeratorAsync();
        var mo = await _browser.SignInAsync(moderator.Email);

        await mo.SetViewportSizeAsync(1280, 800);
        await mo.GotoAsync("/moderatie/gezondheid");
        await mo.GetByRole(AriaRole.Heading, new() { Name = "Gezondheid van het netwerk", Level = 1 }).WaitForAsync();
        var charts = mo.Locator("svg.sparkline[role=img]");
        (await charts.CountAsync()).ShouldBe(HealthIndicatorTexts.All(new HealthSettings()).Count);
        await mo.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Leden, laatste 12 weken: ") }).WaitForAsync();
        foreach (var chart in await charts.AllAsync())
        {
            (await chart.GetAttributeAsync("aria-label")).ShouldNotBeNullOrWhiteSpace();
            var box = (await chart.BoundingBoxAsync()).ShouldNotBeNull();
            box.Y.ShouldBeLessThan(800, "every trend chart starts on the first screen");
        }
        var week = (await mo.GetByLabel("Week").BoundingBoxAsync()).ShouldNotBeNull();
        var summary = (await mo.Locator(".health-tiles").BoundingBoxAsync()).ShouldNotBeNull();
        summary.Y.ShouldBeGreaterThan(week.Y, "the summary follows the week picker");
        (summary.Y + summary.Height).ShouldBeLessThanOrEqualTo(800, "the whole summary fits the first screen");
        await mo.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Screenshots, "gezondheid-1-laptop-eerste-scherm.png") });
        await BrowserSession.ShotAsync(mo, "gezondheid-2-laptop-hele-pagina");

        var weekly = mo.Locator("details", new() { HasText = "Cijfers per week" }).First;
        await weekly.Locator("summary").ClickAsync();
        (await weekly.Locator("tbody tr").CountAsync()).ShouldBe(12);

        foreach (var (width, height) in new[] { (390, 844), (320, 640) })
        {
            await mo.SetViewportSizeAsync(width, height);
            await mo.GotoAsync("/moderatie/gezondheid");
            await charts.First.WaitForAsync();
            (await mo.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"))
                .ShouldBeTrue($"no sideways scroll at {width} px");
            await BrowserSession.ShotAsync(mo, $"gezondheid-3-telefoon-{width}");
            await mo.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Screenshots, $"gezondheid-4-telefoon-{width}-eerste-scherm.png") });
        }
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
