using Alba;
using HetInitiatief.Notifications;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Notifications;

public sealed class NotificationTests(AppFixture app)
{
    [Fact]
    public async Task The_initiator_hears_who_joined_and_everyone_involved_hears_the_threshold_was_reached()
    {
        var owner = await app.Host.RegisterMemberAsync("Anna");
        var bram = await app.Host.RegisterMemberAsync("Bram");
        var cas = await app.Host.RegisterMemberAsync("Cas");
        var follower = await app.Host.RegisterMemberAsync("Dirk");
        var question = await app.Host.PostQuestionAsync(owner);
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 3);
        await app.Host.FollowAsync(follower, question.QuestionId);

        await app.Host.JoinAsync(bram, formed.CoalitionId);
        await app.Host.JoinAsync(cas, formed.CoalitionId);

        (await app.Host.GetsNotifiedAsync(owner, NotificationKinds.ThresholdReached)).ShouldBeTrue();
        (await app.Host.GetsNotifiedAsync(bram, NotificationKinds.ThresholdReached)).ShouldBeTrue();
        (await app.Host.GetsNotifiedAsync(follower, NotificationKinds.ThresholdReached)).ShouldBeTrue();
        var annas = await app.Host.NotificationsAsync(owner);
        annas.Notifications.Where(n => n.Kind == NotificationKinds.JoinedMyCoalition).Select(n => n.Text)
            .ShouldBe(["Cas doet mee met je coalitie als partner: \"Hoe geef ik betere woordenschatlessen?\"", "Bram doet mee met je coalitie als partner: \"Hoe geef ik betere woordenschatlessen?\""]);
        annas.Notifications.ShouldAllBe(n => n.Link == $"/vragen/{question.QuestionId}#coalitie");
        (await app.Host.NotificationsAsync(cas)).Notifications.ShouldNotContain(n => n.Kind == NotificationKinds.JoinedMyCoalition);
        (await app.Host.NotificationsAsync(follower)).Notifications.Count(n => n.Kind == NotificationKinds.ThresholdReached).ShouldBe(1);
    }

    [Fact]
    public async Task Partners_hear_when_the_initiator_leaves()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var partner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 5);
        await app.Host.JoinAsync(partner, formed.CoalitionId);

        await app.Host.LeaveAsync(owner, formed.CoalitionId);

        (await app.Host.GetsNotifiedAsync(partner, NotificationKinds.InitiatorLeft)).ShouldBeTrue();
        var coalition = await app.Host.GetCoalitionAsync(partner, question.QuestionId);
        (coalition.SeeksInitiator, coalition.Initiator).ShouldBe((true, null));
    }

    [Fact]
    public async Task A_member_marks_only_their_own_notifications_read()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var other = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner, QuestionSteps.AUniqueQuestion());
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 10);
        await app.Host.JoinAsync(other, formed.CoalitionId);
        await app.Host.JoinAsync(await app.Host.RegisterMemberAsync(), formed.CoalitionId);
        (await Eventually.TrueAsync(async () => (await app.Host.NotificationsAsync(owner)).Unread == 2)).ShouldBeTrue();
        var annas = await app.Host.NotificationsAsync(owner);

        // Someone else trying Anna's ids changes nothing.
        await app.Host.MarkReadAsync(other, annas.Notifications.Select(n => n.Id));
        (await app.Host.NotificationsAsync(owner)).Unread.ShouldBe(2);

        (await app.Host.MarkReadAsync(owner, [annas.Notifications[0].Id])).Unread.ShouldBe(1);
        (await app.Host.MarkReadAsync(owner)).Unread.ShouldBe(0);
    }

    [Fact]
    public void Nobody_is_notified_about_their_own_act()
    {
        var owner = Guid.NewGuid();
        var coalitionId = Guid.NewGuid();
        var coalition = new HetInitiatief.Coalitions.CoalitionDetails(coalitionId, Guid.NewGuid(), owner, 3, null, "uitnodiging", "open", DateTimeOffset.UtcNow, null,
            [new(owner, "initiator", "", DateTimeOffset.UtcNow)], null, DateTimeOffset.UtcNow, 1);
        var news = new CoalitionNews(Guid.NewGuid(), coalitionId, NotificationKinds.ThresholdReached, owner, null, DateTimeOffset.UtcNow);

        CoalitionNotifications.For(news, coalition, "Titel", [owner], "Anna").ShouldBeEmpty();
    }
}
