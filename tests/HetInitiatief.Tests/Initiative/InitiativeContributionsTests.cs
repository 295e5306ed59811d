using HetInitiatief.Members;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Initiative;

/// <summary>A member who leaves and asks for their texts to go takes their part of the initiative's story along.</summary>
public sealed class InitiativeContributionsTests(AppFixture app)
{
    [Fact]
    public async Task A_departing_members_experience_and_update_are_blanked_and_the_others_words_stay()
    {
        // Given a partner who shared an experience and posted an update, next to the initiator's trial
        var (initiator, partner, _, _, coalitionId) = await app.Host.ALargeEnoughCoalitionAsync();
        await app.Host.RecordApproachAsync(initiator, coalitionId);
        var trial = await app.Host.AgreeTrialAsync(initiator, coalitionId);
        await app.Host.ShareExperienceAsync(partner, coalitionId, trial, "Mijn klas 3B schreef met zes nieuwe woorden.");
        await app.Host.SendAsync(partner, $"/api/coalitions/{coalitionId}/updates",
            new HetInitiatief.Initiative.PostUpdate("Update uit 3B: de muur hangt."), 201);

        // When the partner deletes their account and asks for their texts to be blanked too
        await app.Host.DeleteAccountAsync(partner, blankContributions: true);

        // Then their words are gone from the timeline, and the initiator's trial is untouched
        var timeline = await app.Host.TimelineAsync(initiator, coalitionId);
        var t = timeline.Trials.Single();
        (t.Experiences.Single().Text, timeline.Updates.Single().Text).ShouldBe((Contributions.Blanked, Contributions.Blanked));
        t.What.ShouldBe(InitiativeSteps.ATrial().What);
        t.Experiences.Single().By.Name.ShouldBe(MemberProfile.FormerMember);
    }
}
