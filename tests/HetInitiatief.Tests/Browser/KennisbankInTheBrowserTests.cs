using HetInitiatief.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>
/// Anna shares the lessons she made for her question, with a file; Bram, typing a new question about the same thing,
/// finds them under "Hier is al materiaal over" and says he used them. Anna's second tab shows what a stale version
/// does.
/// </summary>
public sealed class KennisbankInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app);

    [Theory]
    [InlineData(1280, 800, "desktop")]
    [InlineData(390, 844, "telefoon")]
    public async Task A_teacher_shares_material_and_a_colleague_finds_it_while_typing_a_question(int width, int height,
        string device)
    {
        var screen = new ViewportSize { Width = width, Height = height };
        var word = "woordweb" + Guid.NewGuid().ToString("N")[..6];
        var anna = await _browser.NewTeacherAsync("Anna de Vries", screen);
        await BrowserSession.PostQuestionAsync(anna, $"Hoe laat ik nieuwe woorden hangen met een {word}?");
        var questionId = anna.Url.Split('/').Last().Split('?', '#')[0];

        // Anna shares what she made for her question.
        await anna.GotoAsync($"/kennisbank/nieuw?vraag={questionId}");
        await anna.GetByLabel("Les(senreeks)").CheckAsync();
        await anna.GetByLabel("Titel").FillAsync($"Lessenreeks {word}: vier lessen nieuwe woorden");
        await anna.GetByLabel("Beschrijving").FillAsync($"Vier lessen waarin groep 5 elke week een {word} maakt en de woorden herhaalt.");
        await PageChecks.AssertGoodAsync(anna, $"kennisbank-{device}-1-nieuw-product");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Zet het in de kennisbank" }).ClickAsync();
        await anna.GetByRole(AriaRole.Heading, new() { Name = $"Lessenreeks {word}: vier lessen nieuwe woorden",
            Level = 1 }).WaitForAsync();

        // A program is refused in Dutch; the pdf is added.
        await anna.Locator("#File").SetInputFilesAsync(new FilePayload { Name = "programma.exe",
            MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A, 0x90] });
        await anna.GetByRole(AriaRole.Button, new() { Name = "Voeg toe" }).ClickAsync();
        await anna.Locator("#File-error").GetByText("Dit soort bestand kan niet als bijlage").WaitForAsync();
        await PageChecks.AssertGoodAsync(anna, $"kennisbank-{device}-2-verkeerd-bestand", errorExpected: true);
        await anna.Locator("#File").SetInputFilesAsync(new FilePayload { Name = "woordweb-groep5.pdf",
            MimeType = "application/pdf", Buffer = KennisbankSteps.APdf() });
        await anna.GetByRole(AriaRole.Button, new() { Name = "Voeg toe" }).ClickAsync();
        await anna.Locator("#bijlagen").GetByRole(AriaRole.Link, new() { Name = "woordweb-groep5.pdf" }).WaitForAsync();
        await PageChecks.AssertGoodAsync(anna, $"kennisbank-{device}-3-product-met-bestand");

        // Bram types a question about the same thing and finds Anna's lessons beside it.
        var bram = await _browser.NewTeacherAsync("Bram Jansen", screen);
        await bram.GotoAsync("/vragen/nieuw");
        await bram.GetByLabel("1. Je leervraag in één zin").FillAsync($"Werkt een {word} ook in groep 6?");
        var material = bram.Locator("#material");
        await material.GetByRole(AriaRole.Heading,
            new() { Name = "Hier is al materiaal over" }).WaitForAsync(new() { Timeout = 10_000 });
        var link = material.GetByRole(AriaRole.Link,
            new() { Name = $"Lessenreeks {word}: vier lessen nieuwe woorden" });
        await link.WaitForAsync();
        await PageChecks.AssertGoodAsync(bram, $"kennisbank-{device}-4-materiaal-bij-nieuwe-vraag");

        // He opens it and says he used it.
        var productUrl = (await link.GetAttributeAsync("href"))!;
        await link.ClickAsync();
        await bram.GetByLabel("Hoe gebruikte je het?").FillAsync("In groep 6, met woorden uit aardrijkskunde.");
        await bram.GetByRole(AriaRole.Button, new() { Name = "Ik heb dit gebruikt" }).ClickAsync();
        await bram.Locator("#gebruikt").GetByText("1 collega gebruikte dit").WaitForAsync();
        await PageChecks.AssertGoodAsync(bram, $"kennisbank-{device}-5-gebruikt");

        // Anna's question shows what was made for it.
        await anna.GotoAsync($"/vragen/{questionId}");
        await anna.Locator("#gemaakt").GetByRole(AriaRole.Link,
            new() { Name = $"Lessenreeks {word}: vier lessen nieuwe woorden" }).WaitForAsync();

        // A version saved in another tab meanwhile: Anna's text stays in the form, with the newer version beside it.
        await anna.GotoAsync($"{productUrl}/bewerken");
        var otherTab = await anna.Context.NewPageAsync();
        await otherTab.GotoAsync($"{productUrl}/bewerken");
        await otherTab.GetByLabel("Titel").FillAsync($"Lessenreeks {word}, versie uit het andere tabblad");
        await otherTab.GetByRole(AriaRole.Button, new() { Name = "Bewaar de nieuwe versie" }).ClickAsync();
        await otherTab.GetByRole(AriaRole.Heading, new() { Name = "Versies" }).WaitForAsync();
        await anna.GetByLabel("Beschrijving").FillAsync("Mijn nieuwe beschrijving, die ik niet kwijt wil.");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Bewaar de nieuwe versie" }).ClickAsync();
        await anna.GetByRole(AriaRole.Heading,
            new() { Name = "Intussen is er een nieuwere versie bewaard" }).WaitForAsync();
        (await anna.GetByLabel("Beschrijving").InputValueAsync()).ShouldBe("Mijn nieuwe beschrijving, die ik niet kwijt wil.");
        await PageChecks.AssertGoodAsync(anna, $"kennisbank-{device}-6-verouderde-versie", errorExpected: true);
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
