using System.Net.Http.Json;
using HetInitiatief.Tests.Infrastructure;
using HetInitiatief.Tests.Moderation;
using Microsoft.Playwright;

namespace HetInitiatief.Tests.Browser;

/// <summary>Two owners agree, each on their own screen, to continue together at one question.</summary>
public sealed class MergeInTheBrowserTests(AppFixture app) : IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync(app);

    [Theory]
    [InlineData(1280, 800, "desktop")]
    [InlineData(390, 844, "telefoon")]
    public async Task Both_owners_agree_to_a_proposed_merge_and_the_conversation_continues_at_one_question(
        int width, int height, string device)
    {
        // Given two questions about the same thing, and a moderator's proposal to merge them
        var screen = new ViewportSize { Width = width, Height = height };
        var (ownerPage, ownerEmail) = await _browser.NewTeacherWithEmailAsync($"Olga Eigenaar {device}", screen);
        var (otherPage, otherEmail) = await _browser.NewTeacherWithEmailAsync($"Bert Eigenaar {device}", screen);
        using var http = new HttpClient { BaseAddress = _browser.BaseAddress };
        async Task<Guid> PostAsync(string email, string title)
        {
            var token = await (await http.PostAsJsonAsync("/api/auth/token", new { email, password = Api.Password }))
                .Content.ReadFromJsonAsync<Api.TokenResponse>();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/questions")
            {
                Content = JsonContent.Create(QuestionSteps.AQuestion(title)),
                Headers = { Authorization = new("Bearer", token!.AccessToken) },
            };
            var answer = await http.SendAsync(request);
            return (await answer.Content.ReadFromJsonAsync<HetInitiatief.Questions.QuestionWritten>())!.QuestionId;
        }
        var duplicate = await PostAsync(ownerEmail, $"Hoe onthouden leerlingen nieuwe woorden? ({device})");
        var target = await PostAsync(otherEmail, $"Woordenschat die blijft hangen ({device})");
        var moderator = await app.ModeratorAsync();
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { intoQuestionId = target, reason = "Jullie vragen allebei naar woorden die blijven hangen." })
                .ToUrl($"/api/moderation/questions/{duplicate}/merge-proposal");
            x.As(moderator);
            x.StatusCodeShouldBe(201);
        });

        // When the first owner agrees, the page confirms and waits for the other
        await ownerPage.GotoAsync($"/vragen/{duplicate}#samenvoegen");
        await ownerPage.GetByRole(AriaRole.Heading, new() { Name = "Voorstel: samen verder bij een andere vraag" }).WaitForAsync();
        await PageChecks.AssertGoodAsync(ownerPage, $"samenvoegen-{device}-voorstel");
        await ownerPage.GetByRole(AriaRole.Button, new() { Name = "Ja, voeg samen" }).ClickAsync();
        await ownerPage.GetByText("Je hebt ingestemd.").WaitForAsync();
        await PageChecks.AssertGoodAsync(ownerPage, $"samenvoegen-{device}-ingestemd");

        // Then the other owner's agreement merges, and the page says where the conversation continues
        // The other owner is told on their own question's page, and decides on the proposal's page
        await otherPage.GotoAsync($"/vragen/{target}");
        await otherPage.GetByText("samen te voegen met jouw vraag").WaitForAsync();
        await PageChecks.AssertGoodAsync(otherPage, $"samenvoegen-{device}-eigen-vraag");
        await otherPage.Locator($"a[href='/vragen/{duplicate}#samenvoegen']").ClickAsync();
        await otherPage.GetByRole(AriaRole.Button, new() { Name = "Ja, voeg samen" }).ClickAsync();
        await otherPage.GetByText("het gesprek gaat daar verder").First.WaitForAsync();
        await PageChecks.AssertGoodAsync(otherPage, $"samenvoegen-{device}-samengevoegd");
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
