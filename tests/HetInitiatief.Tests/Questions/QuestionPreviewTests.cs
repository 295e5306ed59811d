using System.Text.RegularExpressions;
using Alba;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Questions;

/// <summary>A visitor who was sent a question's link sees a preview and the way in, and can change nothing.</summary>
public sealed class QuestionPreviewTests(AppFixture app)
{
    [Fact]
    public async Task A_visitor_sees_title_themes_and_progress_but_no_member_texts_and_is_invited_to_join()
    {
        var owner = await app.Host.RegisterMemberAsync("Anna Voorbeeld");
        var question = await app.Host.PostQuestionAsync(owner, QuestionSteps.AQuestion("Hoe laat ik woorden vaker terugkomen?", "taal-en-lezen"));
        await app.Host.AskFollowUpAsync(await app.Host.RegisterMemberAsync(), question.QuestionId, "Welke woorden kies je zelf?");

        var result = await app.Host.Scenario(x => x.Get.Url($"/vragen/{question.QuestionId}"));

        var html = await result.ReadAsTextAsync();
        html.ShouldContain("Hoe laat ik woorden vaker terugkomen?");
        html.ShouldContain("Taal, lezen en woordenschat");
        html.ShouldContain("1 vervolgvraag van collega");
        html.ShouldContain($"href=\"/registreren?ReturnUrl=%2Fvragen%2F{question.QuestionId}\"");
        html.ShouldNotContain("Anna Voorbeeld");
        html.ShouldNotContain("Welke woorden kies je zelf?");
    }

    [Fact]
    public async Task A_visitor_with_a_valid_form_token_is_still_sent_to_sign_in_and_nothing_is_written()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var client = app.Host.Server.CreateClient();
        var signIn = await client.GetAsync("/inloggen");
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = Regex.Match(await signIn.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        using var post = new HttpRequestMessage(HttpMethod.Post, $"/vragen/{question.QuestionId}?handler=FollowUp")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Text"] = "Mag ik ook?" }),
        };
        post.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(post);

        ((int)response.StatusCode).ShouldBe(302);
        response.Headers.Location!.AbsolutePath.ShouldBe("/inloggen");
        response.Headers.Location.Query.ShouldBe($"?ReturnUrl=%2Fvragen%2F{question.QuestionId}");
        (await app.Host.GetQuestionAsync(owner, question.QuestionId)).FollowUps.ShouldBeEmpty();
    }
}
