using Alba;
using HetInitiatief.Coalitions;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Coalitions;

public sealed class FollowAndMyCoalitionsTests(AppFixture app)
{
    [Fact]
    public async Task A_member_follows_a_question_once_and_can_stop()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var follower = await app.Host.RegisterMemberAsync("Fenna");
        var question = await app.Host.PostQuestionAsync(owner);
        var url = $"/api/questions/{question.QuestionId}/followers";

        await app.Host.Scenario(x => { x.Post.Url(url); x.As(follower); x.StatusCodeShouldBe(201); });
        var again = await app.Host.Scenario(x => { x.Post.Url(url); x.As(follower); x.StatusCodeShouldBe(200); });
        (await again.ReadAsJsonAsync<Following>())!.Changed.ShouldBeFalse();
        var list = await app.Host.Scenario(x => { x.Get.Url(url); x.As(owner); });
        (await list.ReadAsJsonAsync<FollowersView>())!.Followers.Select(f => f.Name).ShouldBe(["Fenna"]);

        await app.Host.Scenario(x => { x.Delete.Url($"{url}/me"); x.As(follower); });
        var after = await app.Host.Scenario(x => { x.Get.Url(url); x.As(owner); });
        (await after.ReadAsJsonAsync<FollowersView>())!.Count.ShouldBe(0);
        await app.Host.Scenario(x => { x.Post.Url($"/api/questions/{Guid.NewGuid()}/followers"); x.As(follower); x.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task My_coalitions_lists_those_i_started_and_joined_with_my_position()
    {
        var me = await app.Host.RegisterMemberAsync();
        var other = await app.Host.RegisterMemberAsync();
        var mine = await app.Host.PostQuestionAsync(me, Api.AQuestion("Mijn eigen vraag over rekenen"));
        var theirs = await app.Host.PostQuestionAsync(other, Api.AQuestion("Hun vraag over lezen"));
        var notMine = await app.Host.PostQuestionAsync(other, Api.AQuestion("Een vraag waar ik niet bij ben"));
        await app.Host.FormCoalitionAsync(me, mine.QuestionId);
        var joined = await app.Host.FormCoalitionAsync(other, theirs.QuestionId);
        await app.Host.FormCoalitionAsync(other, notMine.QuestionId);
        await app.Host.JoinAsync(me, joined.CoalitionId, Positions.Link);

        var result = await app.Host.Scenario(x => { x.Get.Url("/api/me/coalitions"); x.As(me); });

        var coalitions = (await result.ReadAsJsonAsync<List<MyCoalition>>())!;
        coalitions.Select(c => (c.QuestionTitle, c.MyPosition)).ShouldBe([("Hun vraag over lezen", Positions.Link), ("Mijn eigen vraag over rekenen", Positions.Initiator)]);
        var page = await app.Host.Scenario(x => { x.Get.Url("/mijn-coalities"); x.As(me); });
        (await page.ReadAsTextAsync()).ShouldContain("Hun vraag over lezen");
    }
}
