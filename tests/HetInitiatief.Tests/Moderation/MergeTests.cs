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

        await app.Host.LinkAsync(colleague, first.QuestionId, second.QuestionId, status: 403);
        await app.Host.LinkAsync(moderator, first.QuestionId, second.QuestionId);

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

        await app.Host.MergeAsync(owner, duplicate.QuestionId, target.QuestionId, "Dubbel", status: 403);
        await app.Host.MergeAsync(moderator, duplicate.QuestionId, duplicate.QuestionId, "Dubbel", status: 400);
        // Without the owners' agreement only for abuse, and it must be said so.
        var notAbuse = await app.Host.MergeAsync(moderator, duplicate.QuestionId, target.QuestionId, "Dubbel", abuse: false,
            status: 400);
        (await notAbuse.ProblemAsync()).Errors!["abuse"].ShouldBe([HetInitiatief.Moderation.MergeQuestionEndpoint.OnlyForAbuse]);
        await app.Host.MergeAsync(moderator, duplicate.QuestionId, target.QuestionId, "Spam onder een gekopieerde titel.");

        var merged = await app.Host.GetQuestionAsync(follower, duplicate.QuestionId);
        (merged.Status, merged.MergedInto!.Id).ShouldBe((QuestionStatus.Withdrawn, target.QuestionId));
        (await app.Host.GetCoalitionAsync(follower, duplicate.QuestionId)).Status.ShouldBe(HetInitiatief.Coalitions.CoalitionStatus.Closed);
        foreach (var member in new[] { owner, follower, partner })
        {
            (await app.Host.GetsNotifiedAsync(member, NotificationKinds.QuestionMerged)).ShouldBeTrue();
            (await app.Host.NotificationsAsync(member)).Notifications.Single(n => n.Kind == NotificationKinds.QuestionMerged).Link.ShouldBe($"/vragen/{target.QuestionId}");
        }
        (await app.Host.NotificationsAsync(partner)).Notifications.ShouldNotContain(n => n.Kind == NotificationKinds.Closed);
        await app.Host.AskFollowUpRefusedAsync(follower, duplicate.QuestionId, 409, "Nog een vraag?");
    }
}
