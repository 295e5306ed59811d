using Alba;
using HetInitiatief.Coalitions;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Coalitions;

/// <summary>The meter counts partners; whoever joined last is named with how they joined when that does not count.</summary>
public sealed class CoalitionMeterTests(AppFixture app)
{
    [Fact]
    public async Task A_user_who_joins_is_named_as_a_user_beside_the_partner_count_and_a_partner_simply_joined()
    {
        var owner = await app.Host.RegisterMemberAsync("Anna Meter");
        var question = await app.Host.PostQuestionAsync(owner);
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 4);

        await app.Host.JoinAsync(await app.Host.RegisterMemberAsync("Bram Gebruiker"), formed.CoalitionId, Positions.User);
        var meter = CoalitionMeter.From(await app.Host.GetCoalitionAsync(owner, question.QuestionId));
        (meter.Partners, meter.LastJoined, meter.LastJoinedAs, meter.LastJoinedCounts).ShouldBe((1, "Bram Gebruiker", Positions.User, false));
        (await PageAsync(owner, question.QuestionId)).ShouldContain("Bram Gebruiker deed net mee als gebruiker");

        await app.Host.JoinAsync(await app.Host.RegisterMemberAsync("Cas Partner"), formed.CoalitionId, Positions.Partner);
        var page = await PageAsync(owner, question.QuestionId);
        page.ShouldContain("Cas Partner deed net mee</span>");
        page.ShouldContain("<strong>2 van 4</strong> partners");
    }

    private async Task<string> PageAsync(TestMember viewer, Guid questionId) =>
        await (await app.Host.Scenario(x => { x.Get.Url($"/vragen/{questionId}"); x.As(viewer); })).ReadAsTextAsync();
}
