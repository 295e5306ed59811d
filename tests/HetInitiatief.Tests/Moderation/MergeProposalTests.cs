using Alba;
using HetInitiatief.Coalitions;
using HetInitiatief.Moderation;
using HetInitiatief.Notifications;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Moderation;

/// <summary>Merging a duplicate asked in good faith is its owners' decision: a moderator proposes, both agree.</summary>
public sealed class MergeProposalTests(AppFixture app)
{
    private Task<IScenarioResult> ProposeAsync(TestMember by, Guid duplicate, Guid into, int status = 201) =>
        app.Host.Scenario(x =>
        {
            x.Post.Json(new { intoQuestionId = into, reason = "Jullie vragen allebei naar woordenschat in groep 5." })
                .ToUrl($"/api/moderation/questions/{duplicate}/merge-proposal");
            x.As(by);
            x.StatusCodeShouldBe(status);
        });

    private Task<IScenarioResult> DecideAsync(TestMember by, Guid duplicate, string decision, int status = 200) =>
        app.Host.Scenario(x =>
        {
            x.Post.Url($"/api/questions/{duplicate}/merge-proposal/{decision}");
            x.As(by);
            x.StatusCodeShouldBe(status);
        });

    [Fact]
    public async Task When_both_owners_agree_the_duplicate_merges_and_its_coalition_members_join_the_other_coalition()
    {
        // Given two questions about the same thing, each with a coalition
        var moderator = await app.ModeratorAsync();
        var (owner, otherOwner, partner, outsider) = (await app.Host.RegisterMemberAsync(),
            await app.Host.RegisterMemberAsync(), await app.Host.RegisterMemberAsync(), await app.Host.RegisterMemberAsync());
        var duplicate = await app.Host.PostQuestionAsync(owner);
        var target = await app.Host.PostQuestionAsync(otherOwner);
        var coalition = await app.Host.FormCoalitionAsync(owner, duplicate.QuestionId, threshold: 5);
        await app.Host.JoinAsync(partner, coalition.CoalitionId);
        await app.Host.FormCoalitionAsync(otherOwner, target.QuestionId, threshold: 5);

        // When a moderator proposes the merge, nothing changes yet, and both owners are asked
        await ProposeAsync(owner, duplicate.QuestionId, target.QuestionId, 403);
        await ProposeAsync(moderator, duplicate.QuestionId, target.QuestionId);
        await ProposeAsync(moderator, duplicate.QuestionId, target.QuestionId, 409);
        var proposed = await app.Host.GetQuestionAsync(owner, duplicate.QuestionId);
        (proposed.Status, proposed.MergeProposal!.Into.Id, proposed.MergeProposal.IntoOwner.Id)
            .ShouldBe((QuestionStatus.Open, target.QuestionId, otherOwner.Id));
        foreach (var asked in new[] { owner, otherOwner })
        {
            (await app.Host.GetsNotifiedAsync(asked, NotificationKinds.MergeProposed)).ShouldBeTrue();
            (await app.Host.NotificationsAsync(asked)).Notifications.Single(n => n.Kind == NotificationKinds.MergeProposed)
                .Link.ShouldBe($"/vragen/{duplicate.QuestionId}#samenvoegen");
        }

        // Then only the owners decide; one agreement is not enough
        (await (await DecideAsync(outsider, duplicate.QuestionId, "agree", 403)).ProblemAsync()).Detail
            .ShouldBe(MergeProposalEndpoints.NotAnOwner);
        await DecideAsync(owner, duplicate.QuestionId, "agree");
        await DecideAsync(owner, duplicate.QuestionId, "agree");
        (await app.Host.GetQuestionAsync(owner, duplicate.QuestionId)).Status.ShouldBe(QuestionStatus.Open);

        // And the second agreement merges: the duplicate closes with its coalition, its members move along
        await DecideAsync(otherOwner, duplicate.QuestionId, "agree");
        var merged = await app.Host.GetQuestionAsync(owner, duplicate.QuestionId);
        (merged.Status, merged.MergedInto!.Id, merged.MergeProposal).ShouldBe((QuestionStatus.Withdrawn, target.QuestionId, null));
        (await app.Host.GetCoalitionAsync(owner, duplicate.QuestionId)).Status.ShouldBe(CoalitionStatus.Closed);
        (await Eventually.TrueAsync(async () =>
        {
            var into = await app.Host.GetCoalitionAsync(otherOwner, target.QuestionId);
            return into.Includes(owner.Id) && into.Includes(partner.Id);
        })).ShouldBeTrue();
        (await app.Host.GetsNotifiedAsync(partner, NotificationKinds.QuestionMerged)).ShouldBeTrue();
        var audit = await app.Host.Scenario(x => { x.Get.Url("/api/moderation/audit"); x.As(moderator); });
        (await audit.ReadAsTextAsync()).ShouldContain("met instemming van de eigenaren");
    }

    [Fact]
    public async Task Either_owner_may_decline_and_the_questions_stay_apart()
    {
        var moderator = await app.ModeratorAsync();
        var (owner, otherOwner) = (await app.Host.RegisterMemberAsync(), await app.Host.RegisterMemberAsync());
        var duplicate = await app.Host.PostQuestionAsync(owner);
        var target = await app.Host.PostQuestionAsync(otherOwner);
        await ProposeAsync(moderator, duplicate.QuestionId, target.QuestionId);

        await DecideAsync(otherOwner, duplicate.QuestionId, "decline");

        var apart = await app.Host.GetQuestionAsync(owner, duplicate.QuestionId);
        (apart.Status, apart.MergeProposal, apart.MergedInto).ShouldBe((QuestionStatus.Open, null, null));
        (await (await DecideAsync(owner, duplicate.QuestionId, "agree", 409)).ProblemAsync()).Detail
            .ShouldBe(MergeProposalEndpoints.NoProposal);
        // A new proposal may follow a declined one.
        await ProposeAsync(moderator, duplicate.QuestionId, target.QuestionId);
    }

    [Fact]
    public async Task The_question_page_asks_the_owners_to_decide_and_a_colleague_sees_no_such_choice()
    {
        var moderator = await app.ModeratorAsync();
        var (owner, otherOwner, colleague) = (await app.Host.RegisterMemberAsync(), await app.Host.RegisterMemberAsync(),
            await app.Host.RegisterMemberAsync());
        var duplicate = await app.Host.PostQuestionAsync(owner);
        var target = await app.Host.PostQuestionAsync(otherOwner, QuestionSteps.AQuestion("Woorden die blijven hangen in groep 5"));
        await ProposeAsync(moderator, duplicate.QuestionId, target.QuestionId);

        foreach (var decider in new[] { owner, otherOwner })
        {
            var page = await (await app.Host.Scenario(x => { x.Get.Url($"/vragen/{duplicate.QuestionId}"); x.As(decider); }))
                .ReadAsTextAsync();
            page.ShouldContain("Voorstel: samen verder bij een andere vraag");
            page.ShouldContain("Woorden die blijven hangen in groep 5");
            page.ShouldContain("Ja, voeg samen");
            page.ShouldContain("Nee, liever apart");
        }
        var forColleague = await (await app.Host.Scenario(x => { x.Get.Url($"/vragen/{duplicate.QuestionId}"); x.As(colleague); }))
            .ReadAsTextAsync();
        forColleague.ShouldNotContain("Ja, voeg samen");
        var ownTarget = await (await app.Host.Scenario(x => { x.Get.Url($"/vragen/{target.QuestionId}"); x.As(otherOwner); }))
            .ReadAsTextAsync();
        ownTarget.ShouldContain($"href=\"/vragen/{duplicate.QuestionId}#samenvoegen\"");
        ownTarget.ShouldContain("samen te voegen met jouw vraag");
    }
}
