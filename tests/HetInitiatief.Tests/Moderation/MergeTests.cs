using Alba;
using HetInitiatief.Notifications;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Moderation;

public sealed class MergeTests(AppFixture app)
{
    [Fact]
    public async Task A_moderator_links_two_questions_that_are_not_theirs_and_a_member_may_not()
    {
        var moderator = await app.ModeratorAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var first = await app.Host.PostQuestionAsync(await app.Host.RegisterMemberAsync());
        var second = await app.Host.PostQuestionAsync(await app.Host.RegisterMemberAsync());

        await app.Host.Scenario(x => { x.Post.Json(new { questionId = second.QuestionId }).ToUrl($"/api/questions/{first.QuestionId}/links"); x.As(colleague); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Json(new { questionId = second.QuestionId }).ToUrl($"/api/questions/{first.QuestionId}/links"); x.As(moderator); });

        (await app.Host.GetQuestionAsync(colleague, second.QuestionId)).Linked.ShouldContain(l => l.Id == first.QuestionId);
    }

    [Fact]
    public async Task Merging_alone_is_for_abuse_and_closes_the_question_with_its_coalition_and_tells_everyone_where_it_continues()
    {
        var moderator = await app.ModeratorAsync();
        var owner = await app.Host.RegisterMemberAsync();
        var follower = await app.Host.RegisterMemberAsync();
        var partner = await app.Host.RegisterMemberAsync();
        var duplicate = await app.Host.PostQuestionAsync(owner);
        var target = await app.Host.PostQuestionAsync(await app.Host.RegisterMemberAsync());
        await app.Host.FollowAsync(follower, duplicate.QuestionId);
        var coalition = await app.Host.FormCoalitionAsync(owner, duplicate.QuestionId);
        await app.Host.JoinAsync(partner, coalition.CoalitionId);

        await app.Host.Scenario(x => { x.Post.Json(new { intoQuestionId = target.QuestionId, reason = "Dubbel" }).ToUrl($"/api/moderation/questions/{duplicate.QuestionId}/merge"); x.As(owner); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Json(new { intoQuestionId = duplicate.QuestionId, reason = "Dubbel" }).ToUrl($"/api/moderation/questions/{duplicate.QuestionId}/merge"); x.As(moderator); x.StatusCodeShouldBe(400); });
        // Without the owners' agreement only for abuse, and it must be said so.
        var notAbuse = await app.Host.Scenario(x => { x.Post.Json(new { intoQuestionId = target.QuestionId, reason = "Dubbel" }).ToUrl($"/api/moderation/questions/{duplicate.QuestionId}/merge"); x.As(moderator); x.StatusCodeShouldBe(400); });
        (await notAbuse.ProblemAsync()).Errors!["abuse"].ShouldBe([HetInitiatief.Moderation.MergeQuestionEndpoint.OnlyForAbuse]);
        await app.Host.Scenario(x => { x.Post.Json(new { intoQuestionId = target.QuestionId, reason = "Spam onder een gekopieerde titel.", abuse = true }).ToUrl($"/api/moderation/questions/{duplicate.QuestionId}/merge"); x.As(moderator); });

        var merged = await app.Host.GetQuestionAsync(follower, duplicate.QuestionId);
        (merged.Status, merged.MergedInto!.Id).ShouldBe((QuestionStatus.Withdrawn, target.QuestionId));
        (await app.Host.GetCoalitionAsync(follower, duplicate.QuestionId)).Status.ShouldBe(HetInitiatief.Coalitions.CoalitionStatus.Closed);
        foreach (var member in new[] { owner, follower, partner })
        {
            (await app.Host.GetsNotifiedAsync(member, NotificationKinds.QuestionMerged)).ShouldBeTrue();
            (await app.Host.NotificationsAsync(member)).Notifications.Single(n => n.Kind == NotificationKinds.QuestionMerged).Link.ShouldBe($"/vragen/{target.QuestionId}");
        }
        (await app.Host.NotificationsAsync(partner)).Notifications.ShouldNotContain(n => n.Kind == NotificationKinds.Closed);
        await app.Host.Scenario(x => { x.Post.Json(new { text = "Nog een vraag?" }).ToUrl($"/api/questions/{duplicate.QuestionId}/follow-ups"); x.As(follower); x.StatusCodeShouldBe(409); });
    }
}
