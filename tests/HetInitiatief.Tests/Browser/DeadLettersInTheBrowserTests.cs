using HetInitiatief.Tests.DeadLetters;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>An admin finds a stuck message, sees what it was for and sends it again, with the keyboard only.</summary>
public sealed class DeadLettersInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app);

    [Theory]
    [InlineData(1280, 800, "desktop")]
    [InlineData(390, 844, "telefoon")]
    public async Task An_admin_sends_a_stuck_message_again(int width, int height, string device)
    {
        // Given a message Wolverine gave up on
        var (_, stuck) = await app.AStuckFollowUpNewsAsync();
        await app.AdminAsync();
        var admin = await _browser.SignInAsync(AppFixture.AdminEmail, new ViewportSize { Width = width, Height = height });

        // When the admin opens the page from Beheer
        await admin.GotoAsync("/beheer");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Vastgelopen berichten" }).ClickAsync();
        await PageChecks.AssertGoodAsync(admin, $"vastgelopen-{device}-lijst");
        await admin.GetByText("Meldingen over een gesprek op een vraag").First.WaitForAsync();

        // And sends the message again with the keyboard
        await admin.Locator($"form:has(input[value='{stuck}']) button").FocusAsync();
        await admin.Keyboard.PressAsync("Enter");

        // Then the page confirms that it goes back into the queue
        await admin.GetByRole(AriaRole.Status).GetByText("Het bericht gaat opnieuw de wachtrij in.", new() { Exact = false }).WaitForAsync();
        await PageChecks.AssertGoodAsync(admin, $"vastgelopen-{device}-opnieuw-verstuurd");
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
