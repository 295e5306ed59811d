using HetInitiatief.Members;
using HetInitiatief.Network;
using HetInitiatief.Notifications;
using HetInitiatief.Sessions;

namespace HetInitiatief.Tests.Network;

public sealed class NetworkDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid NetworkId = Guid.NewGuid();

    private static MemberProfile Admin() => new(Guid.NewGuid(), "Beheer", "b@x.nl", "School", "po", Now, Roles: [MemberRoles.Admin]);

    private static Session Opening(DateTimeOffset startsAt) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Feestelijke opening", "Samen beginnen.", "lezing", "fysiek", startsAt, startsAt.AddHours(2),
            "Utrecht", null, 60, 1, startsAt.AddDays(-1), "formatief-evalueren", null, null, SessionStatus.Scheduled, [], [], 1);

    [Fact]
    public void The_opening_follows_the_joint_start()
    {
        var gathering = NetworkState.Empty(NetworkId);
        PlanOpeningEndpoint.Decide(gathering, Opening(Now.AddDays(7)), Admin(), Now).Refusal!.Status.ShouldBe(409);
    }

    [Fact]
    public void Only_an_admin_plans_the_opening_and_only_a_session_still_to_come()
    {
        var started = NetworkState.Empty(NetworkId) with { StartedAt = Now };
        var member = Admin() with { Roles = [] };
        PlanOpeningEndpoint.Decide(started, Opening(Now.AddDays(7)), member, Now).Refusal!.Status.ShouldBe(403);
        PlanOpeningEndpoint.Decide(started, Opening(Now.AddDays(-7)), Admin(), Now).Refusal!.Status.ShouldBe(400);
        PlanOpeningEndpoint.Decide(started, null, Admin(), Now).Refusal!.Errors.Keys.ShouldContain("sessionId");
        PlanOpeningEndpoint.Decide(started, Opening(Now.AddDays(7)), Admin(), Now).Events.ShouldHaveSingleItem().ShouldBeOfType<OpeningSessionPlanned>();
    }

    [Fact]
    public void Naming_the_same_opening_again_changes_nothing()
    {
        var opening = Opening(Now.AddDays(7));
        var planned = NetworkState.Empty(NetworkId) with { StartedAt = Now, OpeningSessionId = opening.Id };
        PlanOpeningEndpoint.Decide(planned, opening, Admin(), Now).Events.ShouldBeEmpty();
    }

    [Fact]
    public void The_joint_start_is_news_for_every_early_bird_and_no_one_else()
    {
        var birds = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var network = NetworkState.Empty(NetworkId) with { EarlyBirds = birds, StartedAt = Now };
        var news = new NetworkNews(Guid.NewGuid(), NetworkId, NotificationKinds.JointStart, null, Now);
        var notifications = NetworkNotifications.For(news, network, null);
        notifications.Select(n => n.MemberId).ShouldBe(birds);
        notifications.Select(n => n.Id).Distinct().Count().ShouldBe(3);
        NetworkNotifications.For(news, network, null).Select(n => n.Id).ShouldBe(notifications.Select(n => n.Id));
    }

    [Fact]
    public void Growth_counts_members_up_to_the_end_of_each_week()
    {
        var wednesday = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var registered = new[] { wednesday.AddDays(-15), wednesday.AddDays(-8), wednesday.AddDays(-1), wednesday };
        var growth = NetworkEndpoints.Growth(registered, wednesday, 3);
        growth.Select(g => g.WeekStarting).ShouldBe([new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23)]);
        growth.Select(g => g.Members).ShouldBe([1, 2, 4]);
        growth.Select(g => g.Joined).ShouldBe([1, 1, 2]);
    }

    [Fact]
    public void Growth_adds_the_members_who_joined_before_its_first_week()
    {
        // Given 40 members from before the chart's weeks, and the dates of those who joined since
        var wednesday = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var since = new[] { wednesday.AddDays(-8), wednesday };

        // When the chart is drawn from them
        var growth = NetworkEndpoints.Growth(since, wednesday, 3, earlier: 40);

        // Then every week counts the earlier members too, and only the new ones as joined
        NetworkEndpoints.WindowStart(wednesday, 3).ShouldBe(new DateTimeOffset(2026, 11, 9, 0, 0, 0, TimeSpan.Zero));
        growth.Select(g => g.Members).ShouldBe([40, 41, 42]);
        growth.Select(g => g.Joined).ShouldBe([0, 1, 1]);
    }
}
