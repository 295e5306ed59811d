using System.Text.Json;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>The forms work for everyone: with the keyboard alone, without JavaScript, and pressed twice.</summary>
public sealed class FormsInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app);

    [Fact]
    public async Task A_question_is_posted_with_the_keyboard_alone_and_a_refusal_takes_focus_to_the_error_summary()
    {
        var anna = await _browser.NewTeacherAsync("Anna Toetsenbord");
        await anna.GotoAsync("/vragen/nieuw");
        var title = $"Hoe leer ik mijn klas samenvatten ({Guid.NewGuid().ToString()[..4]})?";

        await TabToAsync(anna, "#Title");
        await anna.Keyboard.TypeAsync(title);
        await anna.Keyboard.PressAsync("Enter");

        await anna.Locator("#error-summary").WaitForAsync();
        (await FocusedAsync(anna, "#error-summary")).ShouldBeTrue("focus moves to the error summary after a refused submit");
        (await anna.Locator("#error-summary h2").InnerTextAsync()).ShouldBe("Controleer deze velden");
        (await anna.Locator("#error-summary li").AllInnerTextsAsync()).ShouldBe(
            ["Vul de situatie in.", "Vul waarom dit jouw vraag is in.", "Vul wat je al weet of kunt in.", "Kies minstens één thema."]);
        (await anna.Locator("#Context").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await anna.Locator("#Context").GetAttributeAsync("aria-describedby"))!.Split(' ').ShouldContain("Context-error");
        await BrowserSession.ShotAsync(anna, "toetsenbord-1-foutmelding");

        await TabToAsync(anna, "#Context");
        await anna.Keyboard.TypeAsync("Mijn leerlingen schrijven alles over in plaats van samen te vatten.");
        await TabToAsync(anna, "#WhyMine");
        await anna.Keyboard.TypeAsync("Begrijpend lezen blijft achter.");
        await TabToAsync(anna, "#AlreadyKnown");
        await anna.Keyboard.TypeAsync("Ik gebruik kernzinnen.");
        await TabToAsync(anna, "input[name=Themes][value=taal-en-lezen]");
        await anna.Keyboard.PressAsync("Space");
        await TabToAsync(anna, "form button[type=submit]");
        await anna.Keyboard.PressAsync("Enter");

        await anna.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 }).WaitForAsync();
        await anna.GetByRole(AriaRole.Status).GetByText("Je vraag staat erop").WaitForAsync();
        await BrowserSession.ShotAsync(anna, "toetsenbord-2-geplaatst");
    }

    [Fact]
    public async Task Without_JavaScript_teachers_post_probe_join_and_sign_up()
    {
        var anna = await _browser.NewTeacherAsync("Anna Zonder Script", javaScript: false);
        var bram = await _browser.NewTeacherAsync("Bram Zonder Script", javaScript: false);
        var title = $"Hoe maak ik rekenen betekenisvol ({Guid.NewGuid().ToString()[..4]})?";

        await anna.GotoAsync("/vragen/nieuw");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Plaats mijn leervraag" }).ClickAsync();
        await anna.Locator("#error-summary").WaitForAsync();
        (await FocusedAsync(anna, "#error-summary")).ShouldBeTrue("without JavaScript, autofocus takes focus to the error summary");

        await BrowserSession.PostQuestionAsync(anna, title);
        await anna.GetByText("Je vraag staat erop").WaitForAsync();
        await anna.GetByText("Begin alvast een coalitie").ClickAsync();
        await anna.GetByLabel("Uitnodiging: wat gaan we samen leren?").FillAsync("Samen rekenlessen ontwerpen die leerlingen raken.");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Start een coalitie" }).ClickAsync();
        await anna.GetByText("Je coalitie is gestart").WaitForAsync();
        var questionUrl = anna.Url.Split('#')[0];

        await bram.GotoAsync(questionUrl);
        await bram.GetByLabel("Stel een vervolgvraag aan Anna Zonder Script").FillAsync("Over welke groep gaat het?");
        await bram.GetByRole(AriaRole.Button, new() { Name = "Vraag door" }).ClickAsync();
        await bram.GetByText("Je vervolgvraag staat erbij").WaitForAsync();
        await bram.GetByLabel("Wat breng je mee, of waarom wil je dit?").FillAsync("Ik wil dit ook leren.");
        await bram.GetByRole(AriaRole.Button, new() { Name = "Doe mee" }).ClickAsync();
        await bram.GetByText("Je doet mee met de coalitie").WaitForAsync();
        await BrowserSession.ShotAsync(bram, "zonder-script-1-meegedaan");

        var host = await app.Host.RegisterMemberAsync("Host Zonder Script");
        var session = await app.Host.ScheduleSessionAsync(host);
        await bram.GotoAsync($"/bijeenkomsten/{session.SessionId}");
        await bram.GetByRole(AriaRole.Button, new() { Name = "Meld je aan" }).ClickAsync();
        await bram.GetByRole(AriaRole.Status).GetByText("aangemeld", new() { Exact = false }).First.WaitForAsync();
        (await app.Host.GetSessionAsync(host, session.SessionId)).Participants.ShouldBe(1);
        await BrowserSession.ShotAsync(bram, "zonder-script-2-aangemeld");
    }

    [Fact]
    public async Task Pressing_Plaats_twice_posts_one_question()
    {
        var anna = await _browser.NewTeacherAsync("Anna Dubbelklik", javaScript: false);
        var title = $"Hoe geef ik feedback die blijft hangen ({Guid.NewGuid().ToString()[..4]})?";
        await anna.GotoAsync("/vragen/nieuw");
        await anna.GetByLabel("1. Je leervraag in één zin").FillAsync(title);
        await anna.GetByLabel("2. Wat speelt er?").FillAsync("Leerlingen lezen mijn feedback niet.");
        await anna.GetByLabel("3. Waarom is dit jouw vraag?").FillAsync("Ik besteed er veel tijd aan.");
        await anna.GetByLabel("4. Wat weet of kun je al?").FillAsync("Ik werk met rubrics.");
        await anna.GetByLabel("Taal, lezen en woordenschat").CheckAsync();

        // Without JavaScript nothing stops the second press: the form's one-time token does, on the server.
        var form = await anna.EvaluateAsync<Dictionary<string, string>>(
            "() => Object.fromEntries(new FormData(document.querySelector('main form')))");
        var twice = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => anna.APIRequest.PostAsync("/vragen/nieuw",
            new() { Form = ToForm(anna, form), MaxRedirects = 0 })));

        twice.Select(r => r.Status).ShouldAllBe(s => s == 302);
        twice[0].Headers["location"].ShouldBe(twice[1].Headers["location"]);
        await anna.GotoAsync($"/vragen?q={Uri.EscapeDataString(title)}");
        (await anna.GetByRole(AriaRole.Link, new() { Name = title }).CountAsync()).ShouldBe(1);
    }

    private static IFormData ToForm(IPage page, Dictionary<string, string> fields)
    {
        var form = page.APIRequest.CreateFormData();
        foreach (var (name, value) in fields) form.Set(name, value);
        return form;
    }

    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            if (await FocusedAsync(page, selector)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        throw new InvalidOperationException($"Tab never reached {selector}");
    }

    private static Task<bool> FocusedAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>($"() => !!document.activeElement && document.activeElement.matches({JsonSerializer.Serialize(selector)})");

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
