using Alba;
using HetInitiatief.Moderation;
using HetInitiatief.Notifications;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Moderation;

public sealed class RadarTests(AppFixture app)
{
    [Fact]
    public async Task A_question_nobody_probed_for_49_hours_is_on_the_radar_and_one_of_47_hours_is_not()
    {
        var moderator = await app.ModeratorAsync();
        var owner = await app.Host.RegisterMemberAsync();
        var stale = await app.QuestionPostedAgoAsync(owner, TimeSpan.FromHours(49));
        var fresh = await app.QuestionPostedAgoAsync(owner, TimeSpan.FromHours(47));

        var radar = await app.RadarAsync(moderator);

        var item = radar.Items.Where(i => i.Key == $"{RadarKinds.Unprobed}:{stale}").ShouldHaveSingleItem();
        (item.KindName, item.Link).ShouldBe(("Niemand vroeg door", $"/vragen/{stale}"));
        item.Why.ShouldContain("48 uur");
        radar.Items.ShouldNotContain(i => i.QuestionId == fresh);

        // When a colleague probes it, it leaves the radar.
        await app.Host.AskFollowUpAsync(await app.Host.RegisterMemberAsync(), stale);
        (await app.RadarAsync(moderator)).Items.ShouldNotContain(i => i.QuestionId == stale && i.Kind == RadarKinds.Unprobed);
    }

    [Fact]
    public async Task A_moderator_nudges_the_members_whose_profile_offers_the_theme_and_only_they_hear_of_it()
    {
        var moderator = await app.ModeratorAsync();
        var owner = await app.Host.RegisterMemberAsync();
        var expert = await app.Host.RegisterMemberAsync("Eva Expert");
        var bystander = await app.Host.RegisterMemberAsync();
        var theme = "burgerschap";
        await app.Host.OffersAsync(expert, theme);
        var stale = await app.QuestionPostedAgoAsync(owner, TimeSpan.FromDays(3), theme);
        var item = (await app.RadarAsync(moderator)).Items.Single(i => i.QuestionId == stale && i.Kind == RadarKinds.Unprobed);

        var suggestions = await app.Host.NudgeSuggestionsAsync(moderator, item.Id);
        suggestions!.Single(s => s.Audience == Nudges.Owner).Members.ShouldHaveSingleItem().MemberId.ShouldBe(owner.Id);
        suggestions!.Single(s => s.Audience == Nudges.Expertise).Members.ShouldContain(m => m.MemberId == expert.Id);

        await app.Host.NudgeAsync(moderator, item.Id, new Nudge("iedereen", null, null), status: 400);
        await app.Host.NudgeAsync(moderator, item.Id, new Nudge(Nudges.Expertise, [bystander.Id], null), status: 400);
        await app.Host.NudgeAsync(moderator, item.Id, new Nudge(Nudges.Expertise, [expert.Id],
            "Jij weet hier veel van!"));

        (await app.Host.GetsNotifiedAsync(expert, NotificationKinds.Nudged)).ShouldBeTrue();
        (await app.Host.NotificationsAsync(expert)).Notifications.Single(n => n.Kind == NotificationKinds.Nudged).Text.ShouldContain("Jij weet hier veel van!");
        (await app.Host.NotificationsAsync(bystander)).Notifications.ShouldNotContain(n => n.Kind == NotificationKinds.Nudged);
        var onRadar = (await app.RadarAsync(moderator)).Items.Single(i => i.Id == item.Id);
        onRadar.Actions.ShouldHaveSingleItem().Kind.ShouldBe("nudged");
        var audit = await app.Host.ModerationAuditAsync(moderator);
        audit!.ShouldContain(a => a.By!.Id == moderator.Id && a.What.Contains("porde 1 lid") && a.Why == "Jij weet hier veel van!");
    }

    [Fact]
    public async Task A_moderator_takes_an_item_on_or_dismisses_it_with_a_reason_and_it_leaves_the_radar()
    {
        var moderator = await app.ModeratorAsync();
        var owner = await app.Host.RegisterMemberAsync();
        var stale = await app.QuestionPostedAgoAsync(owner, TimeSpan.FromDays(4));
        var item = (await app.RadarAsync(moderator)).Items.Single(i => i.QuestionId == stale && i.Kind == RadarKinds.Unprobed);

        await app.Host.TakeOnItemAsync(moderator, item.Id);
        (await app.RadarAsync(moderator)).Items.Single(i => i.Id == item.Id).TakenOnBy!.Id.ShouldBe(moderator.Id);

        var refused = await app.Host.DismissItemAsync(moderator, item.Id, "", status: 400);
        (await refused.ProblemAsync()).Errors!.Keys.ShouldContain("reason");
        await app.Host.DismissItemAsync(moderator, item.Id, "De vraagsteller is met verlof.");
        (await app.RadarAsync(moderator)).Items.ShouldNotContain(i => i.Id == item.Id);
        await app.Host.TakeOnItemAsync(moderator, Guid.NewGuid(), status: 404);
    }
}
