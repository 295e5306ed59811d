using Alba;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Questions;

public sealed class FollowQuestionTests(AppFixture app)
{
    [Fact]
    public async Task A_member_follows_a_question_once_and_can_stop()
    {
        // Given a question and a colleague who wants to keep up with it
        var owner = await app.Host.RegisterMemberAsync();
        var follower = await app.Host.RegisterMemberAsync("Fenna");
        var question = await app.Host.PostQuestionAsync(owner);
        var url = $"/api/questions/{question.QuestionId}/followers";

        // When they follow it twice, then stop; then the question's owner sees them come and go
        await app.Host.Scenario(x => { x.Post.Url(url); x.As(follower); x.StatusCodeShouldBe(201); });
        var again = await app.Host.Scenario(x => { x.Post.Url(url); x.As(follower); x.StatusCodeShouldBe(200); });
        (await again.ReadAsJsonAsync<Following>())!.Changed.ShouldBeFalse();
        var list = await app.Host.Scenario(x => { x.Get.Url(url); x.As(owner); });
        (await list.ReadAsJsonAsync<FollowersView>())!.Followers.Select(f => f.Name).ShouldBe(["Fenna"]);

        await app.Host.Scenario(x => { x.Delete.Url($"{url}/me"); x.As(follower); });
        var after = await app.Host.Scenario(x => { x.Get.Url(url); x.As(owner); });
        (await after.ReadAsJsonAsync<FollowersView>())!.Count.ShouldBe(0);
        await app.Host.FollowAsync(follower, Guid.NewGuid(), 404);
    }
}
