using HetInitiatief.Coalitions;
using HetInitiatief.Initiative;
using HetInitiatief.Offers;

namespace HetInitiatief.Tests.Initiative;

/// <summary>Who may carry the initiative forward, and when: the cycle's decisions without a database.</summary>
public sealed class InitiativeDecisionTests
{
    private static readonly Guid Initiator = Guid.NewGuid();
    private static readonly Guid PartnerA = Guid.NewGuid();
    private static readonly Guid PartnerB = Guid.NewGuid();
    private static readonly Guid User = Guid.NewGuid();
    private static readonly Guid Stranger = Guid.NewGuid();
    private static readonly Guid QuestionId = Guid.NewGuid();
    private static readonly Guid Id = Coalition.IdFor(QuestionId);
    private static readonly Guid Trial1 = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static Coalition LargeEnough() =>
        Coalition.Create(new CoalitionFormed(Id, QuestionId, Initiator, 3, null, "Samen leren", Now.AddDays(-30)))
            .Apply(new MemberJoinedCoalition(Id, PartnerA, Positions.Partner, "Ik wil dit ook", Now.AddDays(-29)))
            .Apply(new MemberJoinedCoalition(Id, PartnerB, Positions.Partner, "Ik ook", Now.AddDays(-29)))
            .Apply(new MemberJoinedCoalition(Id, User, Positions.User, "Ik gebruik het", Now.AddDays(-29)))
            .Apply(new CoalitionThresholdReached(Id, 3, 3, Now.AddDays(-29)));

    private static Coalition WithApproach(Coalition c) =>
        c.Apply(new ApproachRecorded(
            Id, 1, Initiator, "Elke les tien woorden", "3 havo", "Meer woorden", null, Now.AddDays(-20)));

    private static Coalition Trying(Coalition c) =>
        WithApproach(c).Apply(new TrialAgreed(
            Id, Trial1, 1, Initiator, "Woordmuur", Today.AddDays(14), "Gebruik", Now.AddDays(-10)));

    private static Coalition Shared(Coalition c) =>
        Trying(c).Apply(new ExperienceShared(
            Id, Guid.NewGuid(), Trial1, User, "observation", "Het werkte", Now.AddDays(-5)));

    private static Coalition Reviewed(Coalition c) =>
        Shared(c).Apply(new TrialReviewed(Id, Trial1, PartnerA, "Veel woorden", "Korter", Now.AddDays(-4)));

    private static readonly RecordApproach AnApproach =
        new("Elke les tien woorden", "3 havo", "Meer woorden kennen", null, 0);

    [Fact]
    public void Only_the_initiator_records_the_approach_and_a_stale_version_is_a_409_naming_expectedVersion()
    {
        var coalition = LargeEnough();

        RecordApproachEndpoint.Decide(coalition, AnApproach, PartnerA, Now).Refusal!.Status.ShouldBe(403);
        RecordApproachEndpoint.Decide(coalition, AnApproach, Initiator, Now).Events.Single()
            .ShouldBeOfType<ApproachRecorded>().Version.ShouldBe(1);
        var recorded = WithApproach(coalition);
        var stale = RecordApproachEndpoint.Decide(recorded, AnApproach, Initiator, Now).Refusal!;
        (stale.Status, stale.Errors.Keys.Single()).ShouldBe((409, "expectedVersion"));
        RecordApproachEndpoint.Decide(recorded, AnApproach with { ExpectedVersion = 1 }, Initiator, Now).Events.Single()
            .ShouldBeOfType<ApproachRecorded>().Version.ShouldBe(2);
    }

    [Fact]
    public void A_partner_proposes_a_revision_and_only_the_initiator_adopts_it_as_the_next_version()
    {
        var coalition = WithApproach(LargeEnough());
        var revision = new ProposeApproachRevision("Elke les vijf woorden", "3 havo", "Woorden echt gebruiken", null);
        var revisionId = Guid.NewGuid();

        ApproachRevisionEndpoints.DecidePropose(coalition, revision, revisionId, User, Now).Refusal!.Status
            .ShouldBe(403);
        ApproachRevisionEndpoints.DecidePropose(LargeEnough(), revision, revisionId, PartnerA, Now).Refusal!.Status
            .ShouldBe(409);
        var proposed = coalition.Apply(
            ApproachRevisionEndpoints.DecidePropose(coalition, revision, revisionId, PartnerA, Now)
                .Events.Single().ShouldBeOfType<ApproachRevisionProposed>());

        ApproachRevisionEndpoints.DecideAdopt(proposed, revisionId, PartnerA, Now).Refusal!.Status.ShouldBe(403);
        ApproachRevisionEndpoints.DecideAdopt(proposed, Guid.NewGuid(), Initiator, Now).Refusal!.Status.ShouldBe(404);
        ApproachRevisionEndpoints.DecideAdopt(proposed, revisionId, Initiator, Now).Events
            .ShouldBe([new ApproachRevisionAdopted(Id, revisionId, 2, Initiator, Now)]);
    }

    [Fact]
    public void A_trial_needs_the_initiator_a_large_enough_group_an_approach_and_no_trial_underway()
    {
        var trial = new AgreeTrial("Een woordmuur in elke les", Today.AddDays(21), "Gebruiken ze de woorden?");
        var small = Coalition.Create(new CoalitionFormed(Id, QuestionId, Initiator, 3, null, "Samen", Now.AddDays(-1)));

        AgreeTrialEndpoint.Decide(WithApproach(LargeEnough()), trial, Trial1, PartnerA, Now).Refusal!.Status
            .ShouldBe(403);
        AgreeTrialEndpoint.Decide(small, trial, Trial1, Initiator, Now).Refusal!.Status.ShouldBe(409);
        AgreeTrialEndpoint.Decide(LargeEnough(), trial, Trial1, Initiator, Now).Refusal!.Detail.ShouldContain("aanpak");
        AgreeTrialEndpoint.Decide(Trying(LargeEnough()), trial, Guid.NewGuid(), Initiator, Now).Refusal!.Detail
            .ShouldContain("loopt al een proef");
        AgreeTrialEndpoint.Decide(WithApproach(LargeEnough()), trial with { Until = Today }, Trial1, Initiator, Now)
            .Refusal!.Errors.Keys.ShouldBe(["until"]);
        AgreeTrialEndpoint.Decide(Reviewed(LargeEnough()), trial, Guid.NewGuid(), Initiator, Now).Events.Single()
            .ShouldBeOfType<TrialAgreed>().Round.ShouldBe(2);
    }

    [Fact]
    public void Any_member_shares_an_experience_with_its_evidence_but_no_stranger()
    {
        var coalition = Trying(LargeEnough());
        var experience = new ShareExperience("studentWork", "De leerlingen gebruikten de woorden in hun verslag.");

        ShareExperienceEndpoint.Decide(coalition, Trial1, experience, Guid.NewGuid(), Stranger, Now).Refusal!.Status
            .ShouldBe(403);
        ShareExperienceEndpoint.Decide(coalition, Guid.NewGuid(), experience, Guid.NewGuid(), User, Now).Refusal!.Status
            .ShouldBe(404);
        ShareExperienceEndpoint
            .Decide(coalition, Trial1, experience with { Evidence = "gevoel" }, Guid.NewGuid(), User, Now)
            .Refusal!.Errors.Keys.ShouldBe(["evidence"]);
        ShareExperienceEndpoint.Decide(coalition, Trial1, experience, Guid.NewGuid(), User, Now).Events.Single()
            .ShouldBeOfType<ExperienceShared>().SharedBy.ShouldBe(User);
    }

    [Fact]
    public void A_review_is_by_the_initiator_or_a_partner_after_an_experience_and_only_once()
    {
        var review = new ReviewTrial("Woorden bleven hangen", "Minder woorden per les");

        ReviewTrialEndpoint.Decide(Trying(LargeEnough()), Trial1, review, PartnerA, Now).Refusal!.Detail
            .ShouldContain("Deel eerst");
        ReviewTrialEndpoint.Decide(Shared(LargeEnough()), Trial1, review, User, Now).Refusal!.Status.ShouldBe(403);
        ReviewTrialEndpoint.Decide(Shared(LargeEnough()), Trial1, review, PartnerB, Now).Events.Single()
            .ShouldBeOfType<TrialReviewed>();
        ReviewTrialEndpoint.Decide(Reviewed(LargeEnough()), Trial1, review, PartnerB, Now).Refusal!.Status
            .ShouldBe(409);
    }

    [Fact]
    public void Criteria_are_agreed_once_more_than_half_of_the_partners_support_them()
    {
        // Three partners (the initiator counts): the proposer alone is not a majority, a second one is
        var coalition = Reviewed(LargeEnough());
        var proposed = CompletionCriteriaEndpoints.DecidePropose(
            coalition, new("Elke leerling kent 200 woorden"), PartnerA, Now);
        proposed.Events.ShouldHaveSingleItem().ShouldBeOfType<CompletionCriteriaProposed>();
        var afterProposal = coalition.Apply((CompletionCriteriaProposed)proposed.Events[0]);

        CompletionCriteriaEndpoints.DecideSupport(afterProposal, "x", User, Now).Refusal!.Status.ShouldBe(403);
        CompletionCriteriaEndpoints.DecideSupport(afterProposal, "x", PartnerA, Now).Events.ShouldBeEmpty();
        var agreed = CompletionCriteriaEndpoints.DecideSupport(afterProposal, "x", Initiator, Now).Events;
        agreed.Select(e => e.GetType())
            .ShouldBe([typeof(CompletionCriteriaSupported), typeof(CompletionCriteriaAgreed)]);
        CompletionCriteriaEndpoints.DecideSupport(coalition, "x", Initiator, Now).Refusal!.Status.ShouldBe(409);
    }

    [Fact]
    public void Completion_needs_agreed_criteria_a_reviewed_trial_no_trial_underway_and_the_initiator()
    {
        var complete = new CompleteInitiative("Alle leerlingen kennen de woorden; we vieren het met de sectie.");
        var withCriteria = Reviewed(LargeEnough())
            .Apply(new CompletionCriteriaProposed(Id, PartnerA, "200 woorden", Now))
            .Apply(new CompletionCriteriaSupported(Id, Initiator, Now))
            .Apply(new CompletionCriteriaAgreed(Id, "200 woorden", 2, 3, Now));

        CompleteInitiativeEndpoint.Decide(Reviewed(LargeEnough()), complete, Initiator, Now).Refusal!.Detail
            .ShouldContain("afrondingscriteria");
        CompleteInitiativeEndpoint.Decide(withCriteria, complete, PartnerA, Now).Refusal!.Status.ShouldBe(403);
        var underway = withCriteria.Apply(
            new TrialAgreed(Id, Guid.NewGuid(), 2, Initiator, "Ronde 2", Today.AddDays(7), "x", Now));
        CompleteInitiativeEndpoint.Decide(underway, complete, Initiator, Now).Refusal!.Detail
            .ShouldContain("loopt nog");
        var done = CompleteInitiativeEndpoint.Decide(withCriteria, complete, Initiator, Now).Events.Single()
            .ShouldBeOfType<InitiativeCompleted>();
        var completed = withCriteria.Apply(done);
        (completed.Status, CoalitionRules.MustBeOpen(completed)!.Status).ShouldBe((CoalitionStatus.Completed, 409));
        ShareExperienceEndpoint.MayShare(completed, Trial1, User)!.Status.ShouldBe(409);
    }

    [Fact]
    public void A_second_offer_is_accepted_only_after_a_review_opened_the_next_round()
    {
        var accepted = LargeEnough().Apply(new CoalitionOfferAccepted(Id, Guid.NewGuid(), Initiator, Now));

        MakeProposalEndpoints.MayPropose(accepted.Status, true, accepted.Progress)!.Detail
            .ShouldBe(OfferRounds.AcceptedThisRound);
        ReactAndDecideEndpoints.MayAccept(1, Trying(accepted), Initiator)!.Status.ShouldBe(409);
        var reviewed = Reviewed(accepted);
        reviewed.Progress.OfferRound.ShouldBe(2);
        MakeProposalEndpoints.MayPropose(reviewed.Status, true, reviewed.Progress).ShouldBeNull();
        ReactAndDecideEndpoints.MayAccept(1, reviewed, Initiator)!.Detail.ShouldBe(OfferRounds.EarlierRound);
        ReactAndDecideEndpoints.MayAccept(2, reviewed, Initiator).ShouldBeNull();
    }

    [Fact]
    public void The_phase_follows_the_cycle_and_the_calendar()
    {
        string PhaseOf(Coalition c, DateOnly today) => Phases.Of(c.Status, c.ThresholdReached, c.Progress, today);
        var formed = Coalition.Create(new CoalitionFormed(Id, QuestionId, Initiator, 3, null, "Samen", Now));

        PhaseOf(formed, Today).ShouldBe(Phases.Forming);
        PhaseOf(WithApproach(LargeEnough()), Today).ShouldBe(Phases.LargeEnough);
        PhaseOf(Trying(LargeEnough()), Today.AddDays(14)).ShouldBe(Phases.Trying);
        PhaseOf(Trying(LargeEnough()), Today.AddDays(15)).ShouldBe(Phases.Reviewing);
        PhaseOf(Reviewed(LargeEnough()), Today).ShouldBe(Phases.Reviewing);
        PhaseOf(formed.Apply(new CoalitionClosed(Id, CoalitionClosed.NotViable, 1, 3, Now)), Today)
            .ShouldBe(Phases.Closed);
        PhaseOf(Reviewed(LargeEnough()).Apply(new InitiativeCompleted(Id, QuestionId, Initiator, "Feest", Now)), Today)
            .ShouldBe(Phases.Completed);
    }
}
