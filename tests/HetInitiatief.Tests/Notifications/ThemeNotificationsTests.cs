using Alba;
using HetInitiatief.Coalitions;
using HetInitiatief.Matching;
using HetInitiatief.Members;
using HetInitiatief.Notifications;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Notifications;

public sealed class ThemeNotificationsTests(AppFixture app)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static MemberProfile Member(string[] themes, string[]? sectors = null) =>
        new(Guid.NewGuid(), "Lid", "lid@school.example", "De Regenboog", "po", Now, FollowedThemes: themes, FollowedSectors: sectors);

    private static ThemeNews News(Guid postedBy, params string[] themes) => new(Guid.NewGuid(), Guid.NewGuid(), postedBy, themes, "po", Now);

    [Fact]
    public void Given_a_follower_of_two_of_its_themes_when_a_question_is_posted_then_they_get_one_notification()
    {
        var follower = Member(["rekenen", "didactiek"]);
        var news = News(Guid.NewGuid(), "rekenen", "didactiek");

        var notifications = ThemeNotifications.For(news, "Hoe oefen ik tafels?", visible: true, [follower, follower]);

        notifications.Count.ShouldBe(1);
        notifications[0].Text.ShouldBe("Nieuwe vraag in \"Rekenen en wiskunde\" en \"Didactiek en lesontwerp\": \"Hoe oefen ik tafels?\"");
        (notifications[0].Kind, notifications[0].Link).ShouldBe((NotificationKinds.NewQuestionInTheme, $"/vragen/{news.QuestionId}"));
    }

    [Fact]
    public void Given_the_poster_follows_the_theme_when_they_post_then_they_are_not_notified()
    {
        var poster = Member(["rekenen"]);

        ThemeNotifications.For(News(poster.Id, "rekenen"), "Titel", visible: true, [poster]).ShouldBeEmpty();
    }

    [Fact]
    public void Given_a_hidden_or_withdrawn_question_then_nobody_is_notified()
    {
        ThemeNotifications.For(News(Guid.NewGuid(), "rekenen"), "Titel", visible: false, [Member(["rekenen"])]).ShouldBeEmpty();
    }

    [Fact]
    public void Given_a_follower_of_other_sectors_or_other_themes_then_they_are_not_notified()
    {
        var inOtherSector = Member(["rekenen"], ["vo"]);
        var inThisSector = Member(["rekenen"], ["po", "vo"]);
        var otherTheme = Member(["kunst-en-cultuur"]);

        var notifications = ThemeNotifications.For(News(Guid.NewGuid(), "rekenen"), "Titel", visible: true, [inOtherSector, inThisSector, otherTheme]);

        notifications.Select(n => n.MemberId).ShouldBe([inThisSector.Id]);
    }

    private static (CoalitionDetails Coalition, QuestionBoardItem Question) CoalitionWith(int threshold, params Guid[] members)
    {
        var questionId = Guid.NewGuid();
        var question = new QuestionBoardItem(questionId, members[0], "Hoe oefen ik tafels?", "", ["rekenen"], "po", QuestionStatus.Open,
            0, 0, 1, false, Now, Now, 1, "");
        var coalition = new CoalitionDetails(Guid.NewGuid(), questionId, members[0], threshold, null, "", CoalitionStatus.Open, Now, null,
            members.Select((m, i) => new CoalitionDetails.Member(m, i == 0 ? Positions.Initiator : Positions.Partner, "", Now)).ToList(),
            null, Now, 1);
        return (coalition, question);
    }

    [Fact]
    public void Given_a_coalition_two_short_then_followers_outside_it_are_invited_but_not_its_members_or_the_owner()
    {
        var owner = Member(["rekenen"]);
        var partner = Member(["rekenen"]);
        var outsider = Member(["rekenen"]);
        var (coalition, question) = CoalitionWith(4, owner.Id, partner.Id);
        var news = new CoalitionShortNews(Guid.NewGuid(), coalition.Id, 2, Now);

        var invitations = ThemeNotifications.Invitations(news, coalition, question, hidden: false, [owner, partner, outsider], new HashSet<Guid>());

        invitations.Select(n => n.MemberId).ShouldBe([outsider.Id]);
        invitations[0].Id.ShouldBe(ThemeNotifications.InvitationId(coalition.Id, outsider.Id));
        invitations[0].Text.ShouldBe("De coalitie rond \"Hoe oefen ik tafels?\" heeft nog 2 partners nodig. Doe je mee?");
        invitations[0].Link.ShouldBe($"/vragen/{question.Id}#coalitie");
    }

    [Fact]
    public void Given_a_member_was_invited_before_or_the_coalition_is_not_one_or_two_short_then_nobody_is_invited()
    {
        var owner = Member(["rekenen"]);
        var outsider = Member(["rekenen"]);
        var (coalition, question) = CoalitionWith(3, owner.Id, Guid.NewGuid());
        var news = new CoalitionShortNews(Guid.NewGuid(), coalition.Id, 1, Now);

        ThemeNotifications.Invitations(news, coalition, question, false, [outsider], new HashSet<Guid> { outsider.Id }).ShouldBeEmpty();
        ThemeNotifications.Invitations(news, coalition, question, true, [outsider], new HashSet<Guid>()).ShouldBeEmpty();
        ThemeNotifications.Invitations(news, coalition with { Threshold = 5 }, question, false, [outsider], new HashSet<Guid>()).ShouldBeEmpty();
        ThemeNotifications.Invitations(news, coalition with { Status = CoalitionStatus.Closed }, question, false, [outsider], new HashSet<Guid>())
            .ShouldBeEmpty();
        ThemeNotifications.Invitations(news, coalition with { Threshold = 2 }, question, false, [outsider], new HashSet<Guid>()).ShouldBeEmpty();
        ThemeNotifications.Invitations(news, coalition, question with { Status = QuestionStatus.Withdrawn }, false, [outsider], new HashSet<Guid>())
            .ShouldBeEmpty();
        ThemeNotifications.Invitations(news, coalition, question, false, [outsider], new HashSet<Guid>())
            .Single().Text.ShouldContain("nog 1 partner nodig");
    }

    [Fact]
    public async Task Given_members_following_a_theme_when_a_question_is_posted_in_it_then_each_follower_hears_once_but_not_the_poster()
    {
        var poster = await app.Host.RegisterMemberAsync();
        var follower = await app.Host.RegisterMemberAsync();
        var otherTheme = await app.Host.RegisterMemberAsync();
        var otherSector = await app.Host.RegisterMemberAsync();
        await FollowAsync(poster, "rekenen");
        await FollowAsync(follower, "rekenen", "didactiek");
        await FollowAsync(otherTheme, "kunst-en-cultuur");
        await FollowAsync(otherSector, "rekenen");
        await app.Host.FollowSectorAsync(otherSector, "mbo");

        var question = await app.Host.PostQuestionAsync(poster, QuestionSteps.AQuestion("Hoe oefen ik de tafels zonder stampen?", "rekenen", "didactiek"));

        (await app.Host.GetsNotifiedAsync(follower, NotificationKinds.NewQuestionInTheme)).ShouldBeTrue();
        // Other tests post in these themes too: only this question's notifications count.
        var mine = (await app.Host.NotificationsAsync(follower)).Notifications
            .Where(n => n.Kind == NotificationKinds.NewQuestionInTheme && n.Link == $"/vragen/{question.QuestionId}").ToList();
        mine.Select(n => (n.Text, n.Link)).ShouldBe([
            ("Nieuwe vraag in \"Rekenen en wiskunde\" en \"Didactiek en lesontwerp\": \"Hoe oefen ik de tafels zonder stampen?\"",
                $"/vragen/{question.QuestionId}")]);
        // One handler stores every notification of the question at once: the follower's arrival means the others were decided too.
        foreach (var member in new[] { poster, otherTheme, otherSector })
            (await app.Host.NotificationsAsync(member)).Notifications.ShouldNotContain(n => n.Link == $"/vragen/{question.QuestionId}");
    }

    [Fact]
    public async Task Given_a_coalition_that_goes_two_then_one_short_then_a_theme_follower_is_invited_exactly_once()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var inIt = await app.Host.RegisterMemberAsync();
        var follower = await app.Host.RegisterMemberAsync();
        await FollowAsync(owner, "ouderbetrokkenheid");
        await FollowAsync(inIt, "ouderbetrokkenheid");
        await FollowAsync(follower, "ouderbetrokkenheid");
        var question = await app.Host.PostQuestionAsync(owner, QuestionSteps.AQuestion("Hoe betrek ik ouders bij huiswerk?", "ouderbetrokkenheid"));
        var coalition = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 5);
        await app.Host.JoinAsync(inIt, coalition.CoalitionId);

        // Two short.
        await app.Host.JoinAsync(await app.Host.RegisterMemberAsync(), coalition.CoalitionId);
        (await app.Host.GetsNotifiedAsync(follower, NotificationKinds.CoalitionNeedsYou)).ShouldBeTrue();
        var late = await app.Host.RegisterMemberAsync();
        await FollowAsync(late, "ouderbetrokkenheid");

        // One short: the follower who started following since is invited; the one invited before is not, again.
        await app.Host.JoinAsync(await app.Host.RegisterMemberAsync(), coalition.CoalitionId);
        (await app.Host.GetsNotifiedAsync(late, NotificationKinds.CoalitionNeedsYou)).ShouldBeTrue();

        bool Ours(Notification n) => n.Kind == NotificationKinds.CoalitionNeedsYou && n.Link == $"/vragen/{question.QuestionId}#coalitie";
        var invitations = (await app.Host.NotificationsAsync(follower)).Notifications.Where(Ours).ToList();
        invitations.Select(n => (n.Text, n.Link)).ShouldBe([
            ("De coalitie rond \"Hoe betrek ik ouders bij huiswerk?\" heeft nog 2 partners nodig. Doe je mee?", $"/vragen/{question.QuestionId}#coalitie")]);
        (await app.Host.NotificationsAsync(late)).Notifications.Single(Ours).Text.ShouldContain("nog 1 partner nodig");
        foreach (var member in new[] { owner, inIt })
            (await app.Host.NotificationsAsync(member)).Notifications.Any(Ours).ShouldBeFalse();

        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var matches = (await session.Events.FetchStreamAsync(follower.Id)).Select(e => e.Data).OfType<MemberMatched>()
            .Where(m => m.CoalitionId == coalition.CoalitionId).ToList();
        matches.Select(m => (m.QuestionId, m.CoalitionId, m.Reason, m.MatchedBy, m.Notified))
            .ShouldBe([(question.QuestionId, (Guid?)coalition.CoalitionId, MatchReasons.FollowsTheme, (Guid?)null, true)]);
        (await session.Events.FetchStreamAsync(inIt.Id)).Select(e => e.Data).OfType<MemberMatched>()
            .Any(m => m.CoalitionId == coalition.CoalitionId).ShouldBeFalse();
    }

    private async Task FollowAsync(TestMember member, params string[] themes)
    {
        foreach (var theme in themes)
            await app.Host.FollowThemeAsync(member, theme);
    }
}
