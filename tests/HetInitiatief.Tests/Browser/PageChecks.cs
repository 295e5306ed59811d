using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>
/// What every page a teacher meets must get right, checked at each state a journey visits: the accessibility engine
/// finds nothing serious, nothing scrolls sideways, no error is shown that the teacher did not cause, and every
/// form that posts carries its antiforgery token. A screenshot of each state is kept to look at.
/// </summary>
public static class PageChecks
{
    /// <summary>WCAG 2.0, 2.1 and 2.2, levels A and AA.</summary>
    private static readonly List<string> WcagAa = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> Blocked = new();

    /// <summary>Records what the Content-Security-Policy blocked on this page: an inline script, or something from elsewhere.</summary>
    public static void WatchContentSecurityPolicy(IPage page)
    {
        var blocked = Blocked.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) lock (blocked) blocked.Add(message.Text);
        };
    }

    public static async Task AssertGoodAsync(IPage page, string state, bool errorExpected = false)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserSession.ShotAsync(page, state);
        if (Blocked.TryGetValue(page, out var blocked))
            lock (blocked) blocked.ShouldBeEmpty($"{state}: the Content-Security-Policy blocked something");

        var (scrollWidth, viewport) = await WidthsAsync(page);
        scrollWidth.ShouldBeLessThanOrEqualTo(viewport, $"{state}: the page scrolls sideways ({scrollWidth}px on a {viewport}px screen)");

        if (!errorExpected)
        {
            var summary = page.Locator(".error-summary");
            (await summary.CountAsync()).ShouldBe(0, $"{state}: an error is shown: {await TextOfAsync(summary)}");
        }

        var unprotected = await page.EvaluateAsync<string[]>(
            "() => Array.from(document.forms).filter(f => f.method.toLowerCase() === 'post' && " +
            "!f.querySelector('input[name=__RequestVerificationToken]')).map(f => f.getAttribute('action') || '(this page)')");
        unprotected.ShouldBeEmpty($"{state}: post forms without an antiforgery token");

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagAa } });
        result.Passes.ShouldNotBeEmpty($"{state}: axe checked nothing");
        foreach (var minor in result.Violations.Where(v => v.Impact is not ("serious" or "critical")))
            TestContext.Current.TestOutputHelper?.WriteLine($"axe {state}: {minor.Impact} {minor.Id} — {minor.Help} ({minor.Nodes.Length}×)");
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        serious.ShouldBeEmpty($"{state}: serious or critical accessibility violations");
    }

    public static async Task<(int ScrollWidth, int Viewport)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }

    private static async Task<string> TextOfAsync(ILocator locator) =>
        await locator.CountAsync() == 0 ? "" : await locator.First.InnerTextAsync();
}
