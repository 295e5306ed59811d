using Alba;
using HetInitiatief.Initiative;
using HetInitiatief.Offers;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Initiative;

/// <summary>
/// The initiative's life through the API: round after round of trying, sharing and reviewing, then done.
/// </summary>
public sealed class InitiativeCycleTests(AppFixture app)
{
    [Fact]
    public async Task A_coalition_goes_round_the_cycle_twice_with_a_new_offer_round_and_completes()
    {
        // Given a coalition large enough, whose first offer was accepted
        var (initiator, a, b, _, coalitionId) = await app.Host.ALargeEnoughCoalitionAsync();
        var supplier = await app.Host.RegisterMemberAsync();
        await app.Host.AnAcceptedOfferAsync(initiator, supplier, coalitionId);
        await app.Host.ProposeRefusedAsync(supplier, coalitionId, 409);

        // When the group agrees an approach and a first trial, shares, and reviews
        await app.Host.RecordApproachAsync(initiator, coalitionId);
        var first = await app.Host.AgreeTrialAsync(initiator, coalitionId);
        (await app.Host.TimelineAsync(a, coalitionId)).Phase.ShouldBe(Phases.Trying);
        await app.Host.ShareExperienceAsync(a, coalitionId, first);
        await app.Host.ReviewTrialAsync(b, coalitionId, first);

        // Then a second offer round is open: a new proposal can be accepted
        var second = await app.Host.ProposeAsync(
            supplier, coalitionId, OfferSteps.AProposal("Tweede ronde: schrijven"));
        await app.Host.AcceptProposalAsync(initiator, second);

        // When the group refines and tries again, then agrees criteria and completes
        var secondTrial = await app.Host.AgreeTrialAsync(
            initiator, coalitionId, InitiativeSteps.ATrial("Woordmuur, vijf per les"));
        await app.Host.ShareExperienceAsync(b, coalitionId, secondTrial, "Vijf woorden per les bleven beter hangen.");
        await app.Host.ReviewTrialAsync(initiator, coalitionId, secondTrial);
        await app.Host.SendAsync(a, $"/api/coalitions/{coalitionId}/completion-criteria",
            new ProposeCompletionCriteria("Elke leerling gebruikt tien vakwoorden in het eindverslag"), 201);
        await app.Host.SendAsync(b, $"/api/coalitions/{coalitionId}/completion-criteria/support", null, 200);
        await app.Host.SendAsync(initiator, $"/api/coalitions/{coalitionId}/completion",
            new CompleteInitiative("Alle klassen schrijven met vakwoorden; we delen de woordmuur met de sectie."), 200);

        // Then the timeline tells the whole story, completed — distinct from closed
        var timeline = await app.Host.TimelineAsync(initiator, coalitionId);
        timeline.Phase.ShouldBe(Phases.Completed);
        timeline.Trials.Select(t => (t.Round, t.Experiences.Count, t.Review is not null))
            .ShouldBe([(1, 1, true), (2, 1, true)]);
        timeline.Criteria!.AgreedAt.ShouldNotBeNull();
        timeline.Criteria.Supporters.Select(s => s.Id).ShouldBe([a.Id, b.Id]);
        timeline.Completed!.By.Id.ShouldBe(initiator.Id);
        (await app.Host.ProposalsAsync(initiator, coalitionId)).Select(p => (p.Round, p.Status))
            .ShouldBe([(1, ProposalStatus.Accepted), (2, ProposalStatus.Accepted)]);
        (await app.Host.GetCoalitionAsync(initiator, timeline.QuestionId)).Phase.ShouldBe(Phases.Completed);
    }

    [Fact]
    public async Task Every_refusal_names_its_reason_in_Dutch_with_the_right_status()
    {
        // Given a large-enough coalition, a member outside it and one who only uses what comes out
        var (initiator, a, _, _, coalitionId) = await app.Host.ALargeEnoughCoalitionAsync();
        var (outsider, user) = (await app.Host.RegisterMemberAsync(), await app.Host.RegisterMemberAsync());
        await app.Host.JoinAsync(user, coalitionId, "user");
        var trials = $"/api/coalitions/{coalitionId}/trials";

        // Then: no trial before an approach; the approach is the initiator's; bad fields name themselves
        (await (await app.Host.SendAsync(initiator, trials, InitiativeSteps.ATrial(), 409)).ProblemAsync()).Detail
            .ShouldBe("Leg eerst samen de aanpak vast.");
        await app.Host.RecordApproachAsync(a, coalitionId, status: 403);
        (await (await app.Host.RecordApproachAsync(
                initiator, coalitionId, InitiativeSteps.AnApproach() with { What = "" }, 400))
            .ProblemAsync()).Errors!.Keys.ShouldBe(["what"]);
        await app.Host.RecordApproachAsync(initiator, coalitionId);
        await app.Host.SendAsync(a, trials, InitiativeSteps.ATrial(), 403);
        var trial = await app.Host.AgreeTrialAsync(initiator, coalitionId);
        await app.Host.SendAsync(initiator, trials, InitiativeSteps.ATrial(), 409);

        // Sharing is for members of the coalition, reviewing for those who carry it, and only after an experience
        await app.Host.ShareExperienceAsync(outsider, coalitionId, trial, status: 403);
        await app.Host.ReviewTrialAsync(a, coalitionId, trial, 409);
        await app.Host.ShareExperienceAsync(user, coalitionId, trial);
        await app.Host.ReviewTrialAsync(user, coalitionId, trial, 403);
        await app.Host.ShareExperienceAsync(a, coalitionId, Guid.NewGuid(), status: 404);

        // No completion without agreed criteria; the initiator alone is not a majority of three
        var complete = new CompleteInitiative("We zijn klaar en vieren het met de hele sectie.");
        await app.Host.ReviewTrialAsync(a, coalitionId, trial);
        (await (await app.Host.SendAsync(initiator, $"/api/coalitions/{coalitionId}/completion", complete, 409))
            .ProblemAsync()).Detail.ShouldContain("afrondingscriteria");
        await app.Host.SendAsync(initiator, $"/api/coalitions/{coalitionId}/completion-criteria",
            new ProposeCompletionCriteria("Elke leerling kent tweehonderd vakwoorden"), 201);
        await app.Host.SendAsync(initiator, $"/api/coalitions/{coalitionId}/completion", complete, 409);
        await app.Host.SendAsync(outsider, $"/api/coalitions/{coalitionId}/completion-criteria/support", null, 403);
        await app.Host.SendAsync(
            outsider, $"/api/coalitions/{coalitionId}/updates", new PostUpdate("Hallo allemaal"), 403);
        await app.Host.SendAsync(initiator, $"/api/coalitions/{Guid.NewGuid()}/trials", InitiativeSteps.ATrial(), 404);
    }

    [Fact]
    public async Task A_stale_approach_is_refused_and_a_partners_revision_becomes_the_next_version_once_adopted()
    {
        var (initiator, a, _, _, coalitionId) = await app.Host.ALargeEnoughCoalitionAsync();
        await app.Host.RecordApproachAsync(initiator, coalitionId);

        // When a partner proposes a revision and the initiator adopts it
        var revision = await app.Host.SendAsync(a, $"/api/coalitions/{coalitionId}/approach/revisions",
            new ProposeApproachRevision(
                "Vijf woorden per les, met een quiz", "Leerlingen van 3 havo", "Woorden echt gebruiken", null),
            201).WrittenAsync();
        await app.Host.SendAsync(
            initiator, $"/api/coalitions/{coalitionId}/approach/revisions/{revision.Id}/adopt", null, 200);

        // Then the approach is version 2 in the partner's words, and a change based on version 1 is a 409
        var timeline = await app.Host.TimelineAsync(a, coalitionId);
        (timeline.Approach!.Version, timeline.Approach.By.Id, timeline.Approach.What)
            .ShouldBe((2, a.Id, "Vijf woorden per les, met een quiz"));
        var stale = await app.Host.RecordApproachAsync(initiator, coalitionId, InitiativeSteps.AnApproach(1), 409);
        (await stale.ProblemAsync()).Errors!.Keys.ShouldBe(["expectedVersion"]);
        await app.Host.RecordApproachAsync(initiator, coalitionId, InitiativeSteps.AnApproach(2));
    }

    [Fact]
    public async Task Twenty_experiences_shared_at_once_are_all_kept()
    {
        // Given a trial underway in a coalition with twenty members
        var (initiator, _, _, _, coalitionId) = await app.Host.ALargeEnoughCoalitionAsync();
        await app.Host.RecordApproachAsync(initiator, coalitionId);
        var trial = await app.Host.AgreeTrialAsync(initiator, coalitionId);
        var members = new List<TestMember>();
        for (var i = 0; i < 20; i++)
        {
            var member = await app.Host.RegisterMemberAsync();
            await app.Host.JoinAsync(member, coalitionId, "user");
            members.Add(member);
        }

        // When all twenty share what happened at the same moment
        var answers = await Task.WhenAll(members.Select(m =>
            app.Host.ShareExperienceAsync(
                m, coalitionId, trial, $"Ervaring van {m.Name}: het werkte in mijn klas.", null)));

        // Then every one was accepted and every one is kept, once
        answers.Select(r => r.Context.Response.StatusCode).ShouldAllBe(s => s == 201);
        var shared = (await app.Host.TimelineAsync(initiator, coalitionId)).Trials.Single().Experiences;
        shared.Select(e => e.By.Id).Order().ShouldBe(members.Select(m => m.Id).Order());
    }

    [Fact]
    public async Task The_timeline_travels_back_to_the_trial_before_its_review()
    {
        // Given a trial that was reviewed after an experience
        var (initiator, a, _, _, coalitionId) = await app.Host.ALargeEnoughCoalitionAsync();
        await app.Host.RecordApproachAsync(initiator, coalitionId);
        var trial = await app.Host.AgreeTrialAsync(initiator, coalitionId);
        await app.Host.ShareExperienceAsync(a, coalitionId, trial);
        var beforeReview = await app.Host.MomentAfterLastEventAsync(coalitionId);
        await app.Host.ReviewTrialAsync(a, coalitionId, trial);

        // When the timeline is read as it stood just after the experience
        var then = await app.Host.TimelineAsync(a, coalitionId, beforeReview.ToString("O"));
        var now = await app.Host.TimelineAsync(a, coalitionId);

        // Then it was being tried, unreviewed; now it is reviewed
        (then.Phase, then.Trials.Single().Review, then.AsOf).ShouldBe((Phases.Trying, null, beforeReview));
        (now.Phase, now.Trials.Single().Review is not null).ShouldBe((Phases.Reviewing, true));
    }

    [Fact]
    public async Task An_update_reaches_the_followers_and_the_rest_of_the_network()
    {
        // Given a coalition with a follower of its question, and a member who is in neither
        var (initiator, a, _, questionId, coalitionId) = await app.Host.ALargeEnoughCoalitionAsync();
        var (follower, elsewhere) = (await app.Host.RegisterMemberAsync(), await app.Host.RegisterMemberAsync());
        await app.Host.FollowAsync(follower, questionId);

        // When a partner posts an update
        var text = $"Week twee: de woordmuur hangt in drie lokalen ({Guid.NewGuid():N})";
        await app.Host.SendAsync(a, $"/api/coalitions/{coalitionId}/updates", new PostUpdate(text), 201);

        // Then the follower and the initiator are told, not the partner who wrote it, and the network sees it
        (await app.Host.GetsNotifiedAsync(follower, "initiativeUpdate")).ShouldBeTrue();
        (await app.Host.GetsNotifiedAsync(initiator, "initiativeUpdate")).ShouldBeTrue();
        (await app.Host.NotificationsAsync(a)).Notifications.ShouldNotContain(n => n.Kind == "initiativeUpdate");
        var news = await app.Host.Scenario(x => { x.Get.Url("/api/initiatives/news"); x.As(elsewhere); });
        (await news.ReadAsJsonAsync<List<InitiativeNewsItem>>())!
            .ShouldContain(n => n.Text == text && n.Kind == InitiativeNewsItem.Update && n.By.Id == a.Id);
    }
}
