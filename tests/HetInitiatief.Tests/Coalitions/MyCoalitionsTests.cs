using Alba;
using HetInitiatief.Coalitions;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Coalitions;

public sealed class MyCoalitionsTests(AppFixture app)
{
    [Fact]
    public async Task My_coalitions_lists_those_i_started_and_joined_with_my_position()
    {
        var me = await app.Host.RegisterMemberAsync();
        var other = await app.Host.RegisterMemberAsync();
        var mine = await app.Host.PostQuestionAsync(me, QuestionSteps.AQuestion("Mijn eigen vraag over rekenen"));
        var theirs = await app.Host.PostQuestionAsync(other, QuestionSteps.AQuestion("Hun vraag over lezen"));
        var notMine = await app.Host.PostQuestionAsync(other, QuestionSteps.AQuestion("Een vraag waar ik niet bij ben"));
        await app.Host.FormCoalitionAsync(me, mine.QuestionId);
        var joined = await app.Host.FormCoalitionAsync(other, theirs.QuestionId);
        await app.Host.FormCoalitionAsync(other, notMine.QuestionId);
        await app.Host.JoinAsync(me, joined.CoalitionId, Positions.Link);

        var coalitions = await app.Host.MyCoalitionsAsync(me);

        coalitions.Select(c => (c.QuestionTitle, c.MyPosition)).ShouldBe([("Hun vraag over lezen", Positions.Link), ("Mijn eigen vraag over rekenen", Positions.Initiator)]);
        var page = await app.Host.Scenario(x => { x.Get.Url("/mijn-coalities"); x.As(me); });
        (await page.ReadAsTextAsync()).ShouldContain("Hun vraag over lezen");
    }
}
