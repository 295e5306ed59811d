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

        // When they follow it twice, then stop; then the question's owner sees them come and go
        await app.Host.FollowAsync(follower, question.QuestionId);
        var again = await app.Host.FollowAsync(follower, question.QuestionId, status: 200);
        (await again.ReadAsJsonAsync<Following>())!.Changed.ShouldBeFalse();
        (await app.Host.FollowersAsync(owner, question.QuestionId)).Followers.Select(f => f.Name).ShouldBe(["Fenna"]);

        await app.Host.UnfollowAsync(follower, question.QuestionId);
        (await app.Host.FollowersAsync(owner, question.QuestionId)).Count.ShouldBe(0);
        await app.Host.FollowAsync(follower, Guid.NewGuid(), 404);
    }
}
