using Alba;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Initiative;

/// <summary>
/// The initiative on the question page: each member sees only the forms their rules allow, and looking back in time
/// shows the coalition and its story as they stood, with no form at all.
/// </summary>
public sealed class InitiativePageTests(AppFixture app)
{
    [Fact]
    public async Task The_initiator_partners_users_and_outsiders_each_see_only_their_own_forms()
    {
        // Given a trial underway with one experience shared
        var (initiator, partner, _, questionId, coalitionId) = await app.Host.ALargeEnoughCoalitionAsync();
        var (user, outsider) = (await app.Host.RegisterMemberAsync(), await app.Host.RegisterMemberAsync());
        await app.Host.JoinAsync(user, coalitionId, "user");
        await app.Host.RecordApproachAsync(initiator, coalitionId);
        var trial = await app.Host.AgreeTrialAsync(initiator, coalitionId);
        await app.Host.ShareExperienceAsync(user, coalitionId, trial);

        // Then the initiator changes the approach and reviews; a partner proposes a revision and reviews;
        // a user shares and posts updates only; an outsider sees the story and no form
        var initiators = await PageAsync(initiator, questionId);
        (initiators.Contains(Form("RecordApproach")), initiators.Contains(Form("ReviewTrial")),
            initiators.Contains(Form("AgreeTrial")), initiators.Contains(Form("Complete")))
            .ShouldBe((true, true, false, false));
        var partners = await PageAsync(partner, questionId);
        (partners.Contains(Form("ProposeRevision")), partners.Contains(Form("RecordApproach")),
            partners.Contains(Form("ReviewTrial"))).ShouldBe((true, false, true));
        var users = await PageAsync(user, questionId);
        (users.Contains(Form("ShareExperience")), users.Contains(Form("PostUpdate")),
            users.Contains(Form("ReviewTrial")), users.Contains(Form("ProposeCriteria")))
            .ShouldBe((true, true, false, false));
        var outsiders = await PageAsync(outsider, questionId);
        outsiders.ShouldContain("Een woordmuur in elke geschiedenisles");
        foreach (var handler in
            new[] { "ShareExperience", "PostUpdate", "ReviewTrial", "ProposeRevision", "SupportCriteria" })
            outsiders.ShouldNotContain(Form(handler));
    }

    [Fact]
    public async Task Looking_back_shows_the_coalition_and_its_trial_as_they_stood_and_no_forms()
    {
        // Given a trial agreed and, later, reviewed
        var (initiator, partner, _, questionId, coalitionId) = await app.Host.ALargeEnoughCoalitionAsync();
        await app.Host.RecordApproachAsync(initiator, coalitionId);
        var trial = await app.Host.AgreeTrialAsync(initiator, coalitionId);
        await app.Host.ShareExperienceAsync(partner, coalitionId, trial);
        var beforeReview = await app.Host.MomentAfterLastEventAsync(coalitionId);
        await app.Host.ReviewTrialAsync(partner, coalitionId, trial);

        // When the initiator looks at the question page as it stood before the review
        var then = await PageAsync(initiator, questionId, beforeReview.ToString("O"));

        // Then the coalition and trial are there, the review is not, and nothing can be done
        then.ShouldContain("Coalitie van bereidwilligen");
        then.ShouldContain("Een woordmuur in elke geschiedenisles");
        then.ShouldNotContain("De woordmuur hielp bij het schrijven");
        foreach (var handler in
            new[] { "RecordApproach", "ReviewTrial", "ShareExperience", "PostUpdate", "Leave", "React" })
            then.ShouldNotContain(Form(handler));
        (await PageAsync(initiator, questionId)).ShouldContain("De woordmuur hielp bij het schrijven");
    }

    private static string Form(string handler) => $"?handler={handler}\"";

    private async Task<string> PageAsync(TestMember viewer, Guid questionId, string? at = null) =>
        await (await app.Host.Scenario(x =>
        {
            x.Get.Url($"/vragen/{questionId}" + (at is null ? "" : $"?at={Uri.EscapeDataString(at)}"));
            x.As(viewer);
        })).ReadAsTextAsync();
}
