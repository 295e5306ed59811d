using HetInitiatief.Coalitions;
using HetInitiatief.Offers;

namespace HetInitiatief.Tests.Offers;

/// <summary>Who may offer, react, ask for changes and accept, decided without a database.</summary>
public sealed class ProposalDecisionTests
{
    private static readonly Guid Initiator = Guid.NewGuid();
    private static readonly Guid Partner = Guid.NewGuid();
    private static readonly Guid Provider = Guid.NewGuid();
    private static readonly Guid QuestionId = Guid.NewGuid();
    private static readonly Guid CoalitionId = Coalition.IdFor(QuestionId);
    private static readonly Guid ProposalId = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static readonly CoalitionFormed Formed = new(CoalitionId, QuestionId, Initiator, 2, null, "Samen", Now.AddDays(-5));
    private static readonly MemberJoinedCoalition Joined = new(CoalitionId, Partner, Positions.Partner, "Ik doe mee", Now.AddDays(-4));
    private static readonly CoalitionThresholdReached Reached = new(CoalitionId, 2, 2, Now.AddDays(-4));

    private static readonly MakeProposal Plan =
        new("Werkplaats feedback", "Je hebt na afloop een feedbackplan voor je les.", "werkplaats", "fysiek", "14 of 21 januari");

    private static CoalitionDetails Details(params object[] more) =>
        more.Aggregate(CoalitionDetails.Create(Formed).Apply(Joined), (c, e) => e switch
        {
            CoalitionThresholdReached r => c.Apply(r),
            CoalitionClosed x => c.Apply(x),
            _ => throw new ArgumentException($"Not used here: {e}"),
        });

    private static Coalition Aggregate() => Coalition.Create(Formed).Apply(Joined).Apply(Reached);

    private static Proposal Made() => Proposal.Create(new ProposalMade(ProposalId, CoalitionId, QuestionId, Provider,
        Plan.Title!, Plan.Outcome!, Plan.Type!, Plan.Format!, Plan.ProposedDates!, Now.AddDays(-1)));

    [Fact]
    public void A_provider_offers_a_plan_to_a_coalition_that_is_large_enough()
    {
        MakeProposalEndpoints.Decide(Details(Reached), Plan with { Title = "  Werkplaats feedback " }, true, ProposalId, Provider, Now)
            .Events.ShouldBe([new ProposalMade(ProposalId, CoalitionId, QuestionId, Provider, "Werkplaats feedback",
                Plan.Outcome!, "werkplaats", "fysiek", "14 of 21 januari", Now)]);
    }

    [Fact]
    public void An_offer_is_refused_with_every_field_at_fault_named_then_by_who_and_when()
    {
        MakeProposalEndpoints.Decide(Details(Reached), new MakeProposal("", null, "werkplaats", "fysiek", ""), true,
            ProposalId, Provider, Now).Refusal!.Errors.Keys.ShouldBe(["title", "outcome", "proposedDates"], ignoreOrder: true);
        MakeProposalEndpoints.Decide(Details(Reached), Plan with { Type = "feest", Format = "per post" }, true,
            ProposalId, Provider, Now).Refusal!.Errors.Keys.ShouldBe(["type", "format"], ignoreOrder: true);
        MakeProposalEndpoints.Decide(Details(Reached), Plan, false, ProposalId, Partner, Now).Refusal!.Status.ShouldBe(403);
        MakeProposalEndpoints.Decide(Details(), Plan, true, ProposalId, Provider, Now).Refusal!.Status.ShouldBe(409);
        var closed = new CoalitionClosed(CoalitionId, CoalitionClosed.NotViable, 1, 2, Now.AddHours(-1));
        MakeProposalEndpoints.Decide(Details(Reached, closed), Plan, true, ProposalId, Provider, Now).Refusal!.Status
            .ShouldBe(409);
    }

    [Fact]
    public void Only_the_proposer_revises_and_not_once_it_is_accepted()
    {
        var revision = new ReviseProposal("Werkplaats feedback 2", "Je hebt een feedbackplan en oefent het.", "14 januari");

        MakeProposalEndpoints.DecideRevise(Made(), revision, Partner, Now).Refusal!.Status.ShouldBe(403);
        MakeProposalEndpoints.DecideRevise(Made().Apply(new ProposalAccepted(ProposalId, Initiator, Now)), revision, Provider, Now)
            .Refusal!.Status.ShouldBe(409);
        MakeProposalEndpoints.DecideRevise(Made(), revision, Provider, Now).Events.ShouldBe([
            new ProposalRevised(ProposalId, Provider, revision.Title!, revision.Outcome!, revision.ProposedDates!, Now)]);
    }

    [Fact]
    public void Coalition_members_react_and_a_comment_needs_words()
    {
        var coalition = Details(Reached);

        ReactAndDecideEndpoints.DecideReaction(Made(), coalition, new ReactToProposal("interested", null), Provider, Now)
            .Refusal!.Status.ShouldBe(403);
        ReactAndDecideEndpoints.DecideReaction(Made(), coalition, new ReactToProposal("maybe", null), Partner, Now)
            .Refusal!.Errors.Keys.ShouldBe(["reaction"]);
        ReactAndDecideEndpoints.DecideReaction(Made(), coalition, new ReactToProposal("comment", " "), Partner, Now)
            .Refusal!.Errors.Keys.ShouldBe(["comment"]);
        ReactAndDecideEndpoints.DecideReaction(Made(), coalition, new ReactToProposal("comment", " Graag op woensdag "),
            Partner, Now).Events.ShouldBe([new ProposalReacted(ProposalId, Partner, "comment", "Graag op woensdag", Now)]);
        var accepted = Made().Apply(new ProposalAccepted(ProposalId, Initiator, Now));
        ReactAndDecideEndpoints.DecideReaction(accepted, coalition, new ReactToProposal("interested", null), Partner, Now)
            .Refusal!.Status.ShouldBe(409);
    }

    [Fact]
    public void Only_the_initiator_asks_for_changes_and_says_which()
    {
        ReactAndDecideEndpoints.DecideChanges(Made(), Aggregate(), new RequestChanges("Liever online"), Partner, Now)
            .Refusal!.Status.ShouldBe(403);
        ReactAndDecideEndpoints.DecideChanges(Made(), Aggregate(), new RequestChanges(""), Initiator, Now)
            .Refusal!.Errors.Keys.ShouldBe(["note"]);
        ReactAndDecideEndpoints.DecideChanges(Made(), Aggregate(), new RequestChanges(" Liever online "), Initiator, Now)
            .Events.ShouldBe([new ProposalChangesRequested(ProposalId, Initiator, "Liever online", Now)]);
    }

    [Fact]
    public void The_initiator_accepts_one_offer_for_the_group_and_the_coalition_records_it()
    {
        ReactAndDecideEndpoints.DecideAccept(Made(), Aggregate(), Partner, Now).Refusal!.Status.ShouldBe(403);
        ReactAndDecideEndpoints.DecideAccept(Made(), Aggregate(), Initiator, Now).Events.ShouldBe([
            new ProposalAccepted(ProposalId, Initiator, Now), new CoalitionOfferAccepted(CoalitionId, ProposalId, Initiator, Now)]);

        var other = Guid.NewGuid();
        var taken = Aggregate().Apply(new CoalitionOfferAccepted(CoalitionId, other, Initiator, Now.AddHours(-1)));
        ReactAndDecideEndpoints.DecideAccept(Made(), taken, Initiator, Now).Refusal!.Status.ShouldBe(409);
        var closed = Aggregate().Apply(new CoalitionClosed(CoalitionId, CoalitionClosed.NotViable, 2, 2, Now.AddHours(-1)));
        ReactAndDecideEndpoints.DecideAccept(Made(), closed, Initiator, Now).Refusal!.Status.ShouldBe(409);
    }
}
