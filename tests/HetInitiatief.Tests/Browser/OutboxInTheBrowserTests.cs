using HetInitiatief.Mail;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>An admin finds mail that failed for good, reads why, and sends it again, with the keyboard only.</summary>
public sealed class OutboxInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app);

    [Theory]
    [InlineData(1280, 800, "desktop")]
    [InlineData(390, 844, "telefoon")]
    public async Task An_admin_sends_dead_mail_again(int width, int height, string device)
    {
        // Given a password-reset mail the SMTP server refused for good, after seven attempts
        var to = $"{Guid.NewGuid():N}@school.example";
        var dead = OutgoingMail.Queue(Guid.NewGuid(), new MailMessageToSend(to, "Een nieuw wachtwoord voor Het Initiatief",
            "Je vroeg om een nieuw wachtwoord."), DateTimeOffset.UtcNow.AddHours(-2)) with
        {
            Status = OutgoingMail.Dead, Attempts = 7, LastError = "550 5.1.1 Dit adres bestaat niet", LastAttemptAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        };
        await using (var session = app.Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Store(dead);
            await session.SaveChangesAsync();
        }
        await app.AdminAsync();
        var admin = await _browser.SignInAsync(AppFixture.AdminEmail, new ViewportSize { Width = width, Height = height });

        // When the admin opens the outbox, filters on what failed for good
        await admin.GotoAsync("/beheer/uitgaande-mail");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Definitief mislukt", Exact = false }).ClickAsync();
        await admin.GetByText(to).WaitForAsync();
        await PageChecks.AssertGoodAsync(admin, $"uitgaande-mail-{device}-definitief-mislukt");

        // And sends it again with the keyboard
        await admin.Locator($"form:has(input[value='{dead.Id}']) button").FocusAsync();
        await admin.Keyboard.PressAsync("Enter");

        // Then the page confirms that it is queued again
        await admin.GetByRole(AriaRole.Status).GetByText($"De e-mail aan {to} staat weer in de wachtrij.").WaitForAsync();
        await PageChecks.AssertGoodAsync(admin, $"uitgaande-mail-{device}-opnieuw-verstuurd");
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
