using HetInitiatief.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>
/// A new teacher confirms her address: after registering the page tells her a mail is on its way (and, on a
/// developer's machine, where to find it); before she confirms, posting is refused with a way to get the mail again;
/// the link in the mail shows a button rather than confirming on opening; once pressed she can post.
/// </summary>
public sealed class VerificationInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app);

    [Theory]
    [InlineData(1280, 800, "desktop")]
    [InlineData(390, 844, "telefoon")]
    public async Task A_new_teacher_confirms_her_address_with_the_link_from_the_mail_and_can_then_post(int width, int height, string device)
    {
        var at = (string state) => $"bevestigen-{device}-{state}";
        var page = await _browser.NewPageAsync(new ViewportSize { Width = width, Height = height });

        // She registers; the page says the mail is on its way, to which address, and in development where it is.
        await page.GotoAsync("/registreren");
        var email = await BrowserSession.FillRegistrationAsync(page, "Eva Bevestigt");
        var since = ConfirmationMail.Before();
        await page.GetByRole(AriaRole.Button, new() { Name = "Account aanmaken" }).ClickAsync();
        await page.GetByText("We hebben je een mail gestuurd").WaitForAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain(email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Bekijk de bevestigingsmail" }).WaitForAsync();
        await PageChecks.AssertGoodAsync(page, at("1-kijk-in-je-mail"));

        // Before confirming she reads, but her question is refused with a way to get the mail again.
        await page.GotoAsync("/vragen/nieuw");
        await page.Locator("#confirm-email").GetByText("Bevestig je e-mailadres").WaitForAsync();
        await PageChecks.AssertGoodAsync(page, at("2-herinnering"));
        await FillQuestionAsync(page, $"Hoe leer ik mijn klas samenvatten ({Guid.NewGuid().ToString()[..4]})?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plaats mijn leervraag" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Bevestig eerst je e-mailadres", Level = 1 }).WaitForAsync();
        await PageChecks.AssertGoodAsync(page, at("3-eerst-bevestigen"), errorExpected: true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Stuur de bevestigingsmail opnieuw" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText("We hebben je een nieuwe bevestigingsmail gestuurd").WaitForAsync();

        // The link in the mail opens a page with a button: a mail scanner opening the link confirms nothing.
        var (_, link) = await ConfirmationMail.LinkAsync(email, since);
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Bevestig je e-mailadres", Level = 1 }).WaitForAsync();
        await PageChecks.AssertGoodAsync(page, at("4-knop-in-de-link"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestig mijn e-mailadres" }).ClickAsync();

        // Confirmed, she lands on her werkplek without the reminder, and her question goes up.
        await page.GetByRole(AriaRole.Heading, new() { Name = "Mijn werkplek", Level = 1 }).WaitForAsync();
        await page.GetByRole(AriaRole.Status).GetByText("Je e-mailadres is bevestigd").WaitForAsync();
        (await page.Locator("#confirm-email").CountAsync()).ShouldBe(0);
        await PageChecks.AssertGoodAsync(page, at("5-bevestigd"));
        var title = $"Hoe leer ik mijn klas samenvatten ({Guid.NewGuid().ToString()[..4]})?";
        await BrowserSession.PostQuestionAsync(page, title);
        await PageChecks.AssertGoodAsync(page, at("6-vraag-geplaatst"));
    }

    private static async Task FillQuestionAsync(IPage page, string title)
    {
        await page.GetByLabel("1. Je leervraag in één zin").FillAsync(title);
        await page.GetByLabel("2. Wat speelt er?").FillAsync("Mijn leerlingen schrijven alles over in plaats van samen te vatten.");
        await page.GetByLabel("3. Waarom is dit jouw vraag?").FillAsync("Begrijpend lezen blijft achter in mijn klas.");
        await page.GetByLabel("4. Wat weet of kun je al?").FillAsync("Ik werk met kernzinnen.");
        await page.GetByLabel("Taal, lezen en woordenschat").CheckAsync();
    }

    public async ValueTask DisposeAsync() => await _browser.DisposeAsync();
}
