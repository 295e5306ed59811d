using System.Text.Json;
using Alba;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Members;

public sealed class MyDataTests(AppFixture app)
{
    [Fact]
    public async Task A_member_downloads_their_own_data_and_nobody_elses()
    {
        var me = await app.Host.RegisterMemberAsync("Mila");
        var other = await app.Host.RegisterMemberAsync("Otto");
        var mine = await app.Host.PostQuestionAsync(me, QuestionSteps.AQuestion("Mijn vraag over rekenen en taal"));
        var theirs = await app.Host.PostQuestionAsync(other, QuestionSteps.AQuestion("Ottos vraag over burgerschap"));
        await app.Host.AskFollowUpAsync(me, theirs.QuestionId, "Wat versta je onder burgerschap?");

        var result = await app.Host.Scenario(x => { x.Get.Url("/api/me/data"); x.As(me); });

        result.Context.Response.Headers.ContentDisposition.ToString().ShouldContain("attachment");
        var json = await result.ReadAsTextAsync();
        using var export = JsonDocument.Parse(json);
        export.RootElement.GetProperty("profile").GetProperty("email").GetString().ShouldBe(me.Email);
        export.RootElement.GetProperty("questionsIAsked").EnumerateArray().Select(q => q.GetProperty("id").GetGuid()).ShouldBe([mine.QuestionId]);
        export.RootElement.GetProperty("followUpsIAsked").EnumerateArray().Single().GetProperty("text").GetString().ShouldBe("Wat versta je onder burgerschap?");
        json.ShouldNotContain(other.Email);
        json.ShouldNotContain("PasswordHash", Case.Insensitive);
    }
}
