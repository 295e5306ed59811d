using Alba;
using HetInitiatief.Initiative;
using HetInitiatief.Members;
using HetInitiatief.Moderation;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Moderation;

/// <summary>
/// The initiative's life on the radar, through the API on an app whose clock the test moves: a trial nobody looked
/// back on, a coalition that went quiet, a completed initiative without a success story; each leaves when the
/// group acts.
/// </summary>
public sealed class RadarInitiativeTests(ClockedApp clocked) : IClassFixture<ClockedApp>
{
    private IAlbaHost Host => clocked.Host;

    [Fact]
    public async Task A_group_that_lets_its_trial_review_idling_and_story_slip_shows_on_the_radar_until_it_acts()
    {
        // Given a coalition large enough, with an approach and a trial until tomorrow
        var moderator = await Host.RegisterMemberAsync("Mo Moderator");
        await Host.GrantAsync(await clocked.AdminAsync(), moderator, MemberRoles.Moderator);
        var (owner, partner, other) = (await Host.RegisterMemberAsync(), await Host.RegisterMemberAsync(),
            await Host.RegisterMemberAsync());
        var question = (await Host.PostQuestionAsync(owner, QuestionSteps.AUniqueQuestion())).QuestionId;
        var coalition = (await Host.FormCoalitionAsync(owner, question, threshold: 3)).CoalitionId;
        await Host.JoinAsync(partner, coalition);
        await Host.JoinAsync(other, coalition);
        await SendAsync(owner, HttpMethod.Put, $"/api/coalitions/{coalition}/approach", new
        {
            what = "Elke les tien vakwoorden met plaatjes", forWhom = "Groep 5 en 6",
            goal = "Leerlingen gebruiken de woorden zelf", expectedVersion = 0,
        });
        var until = InitiativeRules.Today(clocked.Clock.GetUtcNow()).AddDays(1);
        var trial = await SendAsync(owner, HttpMethod.Post, $"/api/coalitions/{coalition}/trials",
            new { what = "Twee weken tien woorden per dag", until, watchFor = "Gebruiken ze de woorden?" },
            status: 201);
        var trialId = (await trial.ReadAsJsonAsync<InitiativeWritten>())!.Id!.Value;
        var link = $"/vragen/{question}#coalitie";
        (await ItemsAsync(moderator, question)).ShouldBeEmpty();

        // When its last day has passed without a review, the radar says so
        clocked.Clock.AdvanceTo(Radar.DayAfter(until));
        (moderator, owner, partner) =
            (await SignedInAsync(moderator), await SignedInAsync(owner), await SignedInAsync(partner));
        var overdue = (await ItemsAsync(moderator, question)).ShouldHaveSingleItem();
        (overdue.Kind, overdue.KindName, overdue.Link).ShouldBe(
            (RadarKinds.TrialOverdue, "Proef voorbij, nog geen terugblik", link));

        // Then it leaves once the group looks back
        await SendAsync(partner, HttpMethod.Post, $"/api/coalitions/{coalition}/trials/{trialId}/experiences",
            new { evidence = "observation", text = "Ze gebruikten de woorden in hun eigen zinnen." }, status: 201);
        await SendAsync(owner, HttpMethod.Post, $"/api/coalitions/{coalition}/trials/{trialId}/review",
            new { wentWell = "De plaatjes hielpen", nextTime = "Meer herhalen op vrijdag" });
        (await ItemsAsync(moderator, question)).ShouldBeEmpty();

        // When nothing happens for the idle weeks, the coalition is quiet; proposing criteria wakes it up
        clocked.Clock.Advance(RadarSettings.Default.CoalitionIdle);
        (moderator, owner, partner) =
            (await SignedInAsync(moderator), await SignedInAsync(owner), await SignedInAsync(partner));
        var idle = (await ItemsAsync(moderator, question)).ShouldHaveSingleItem();
        (idle.Kind, idle.KindName, idle.Link).ShouldBe((RadarKinds.CoalitionIdle, "Coalitie stil", link));
        await SendAsync(owner, HttpMethod.Post, $"/api/coalitions/{coalition}/completion-criteria",
            new { criteria = "Alle drie de klassen gebruiken de woordenlijst" }, status: 201);
        (await ItemsAsync(moderator, question)).ShouldBeEmpty();

        // When the initiative is completed and no story follows within the story days, the radar asks for one
        await SendAsync(partner, HttpMethod.Post, $"/api/coalitions/{coalition}/completion-criteria/support");
        await SendAsync(owner, HttpMethod.Post, $"/api/coalitions/{coalition}/completion",
            new { celebration = "Drie klassen werken nu met de woordenlijst." });
        clocked.Clock.Advance(RadarSettings.Default.StoryAfter - TimeSpan.FromMinutes(1));
        moderator = await SignedInAsync(moderator);
        (await ItemsAsync(moderator, question)).ShouldBeEmpty();
        clocked.Clock.Advance(TimeSpan.FromMinutes(1));
        (moderator, owner) = (await SignedInAsync(moderator), await SignedInAsync(owner));
        var story = (await ItemsAsync(moderator, question)).ShouldHaveSingleItem();
        (story.Kind, story.KindName, story.Link).ShouldBe(
            (RadarKinds.CompletedWithoutStory, "Afgerond, nog geen succesverhaal", link));

        await Host.ShareSuccessStoryAsync(owner, question,
            "Drie klassen gebruiken nu elke dag de woordenlijst met plaatjes.");
        (await ItemsAsync(moderator, question)).ShouldBeEmpty();
    }

    /// <summary>A token expires on the moved clock like on the real one: the member signs in again.</summary>
    private async Task<TestMember> SignedInAsync(TestMember member) =>
        member with { Token = await Host.TokenAsync(member.Email) };

    /// <summary>The radar items about this question, through the API.</summary>
    private async Task<List<RadarItemView>> ItemsAsync(TestMember moderator, Guid question)
    {
        var result = await Host.Scenario(x => { x.Get.Url("/api/moderation/radar"); x.As(moderator); });
        // The question ages into the older kinds too (nobody probed it, no offer came): not what this test is about.
        return (await result.ReadAsJsonAsync<RadarPage>())!.Items
            .Where(i => i.QuestionId == question
                && i.Kind is not (RadarKinds.Unprobed or RadarKinds.ThemeWithoutSupply or RadarKinds.NoOffer))
            .ToList();
    }

    private Task<IScenarioResult> SendAsync(TestMember member, HttpMethod method, string url, object? body = null,
        int status = 200) =>
        Host.Scenario(x =>
        {
            if (method == HttpMethod.Put) x.Put.Json(body!).ToUrl(url);
            else if (body is null) x.Post.Url(url);
            else x.Post.Json(body).ToUrl(url);
            x.As(member);
            x.StatusCodeShouldBe(status);
        });
}
