using System.Text.RegularExpressions;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>
/// Anna invites a colleague from /uitnodigen; the colleague opens the link from the mail, sees who
/// invites her, registers through the real form; Anna's list shows the invite accepted.
/// </summary>
public sealed class InviteInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app);

    [Fact]
    public async Task A_colleague_registers_through_the_invite_link_and_the_inviter_sees_it_accepted()
    {
        var anna = await _browser.NewTeacherAsync("Anna Uitnodiger");
        var colleague = $"{Guid.NewGuid():N}@school.example";
        await anna.GotoAsync("/uitnodigen");
        await anna.GetByLabel("E-mailadres van je collega").FillAsync(colleague);
        await anna.GetByLabel("Persoonlijk bericht (niet verplicht)").FillAsync("Kom je ook?");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Nodig uit" }).ClickAsync();
        await anna.GetByText($"Je uitnodiging is verstuurd naar {colleague}.").WaitForAsync();

        var mail = (await app.MailsToAsync(colleague)).ShouldHaveSingleItem();
        var link = Regex.Match(mail, @"https?://\S+/registreren\?uitnodiging=[A-Za-z0-9_-]+").Value;
        var bram = await _browser.NewPageAsync();
        await bram.GotoAsync(link);
        await bram.GetByText("Anna Uitnodiger nodigt je uit voor Het Initiatief").WaitForAsync();
        await BrowserSession.ShotAsync(bram, "9-bram-ziet-uitnodiging");
        await bram.GetByLabel("Je naam").FillAsync("Bram Genodigd");
        await bram.GetByLabel("Je e-mailadres").FillAsync(colleague);
        await bram.GetByLabel("Kies een wachtwoord").FillAsync(Api.Password);
        await bram.GetByLabel("Je school").FillAsync("Basisschool De Regenboog");
        await bram.GetByLabel("Primair onderwijs (po)").CheckAsync();
        var since = ConfirmationMail.Before();
        await bram.GetByRole(AriaRole.Button, new() { Name = "Account aanmaken" }).ClickAsync();
        await BrowserSession.ConfirmEmailAsync(bram, colleague, since);
        await bram.GetByRole(AriaRole.Heading, new() { Name = "Mijn werkplek", Level = 1 }).WaitForAsync();

        await anna.GotoAsync("/uitnodigen");
        var row = anna.Locator("table.invites tr", new() { HasText = colleague });
        await row.GetByText("geaccepteerd").WaitForAsync();
        (await row.InnerTextAsync()).ShouldContain("Bram Genodigd");
        await BrowserSession.ShotAsync(anna, "10-anna-ziet-uitnodiging-geaccepteerd");
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
