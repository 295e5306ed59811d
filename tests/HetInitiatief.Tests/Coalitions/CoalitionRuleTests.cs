using HetInitiatief.Coalitions;
using HetInitiatief.Questions;

namespace HetInitiatief.Tests.Coalitions;

/// <summary>The "may I" rules the coalition decisions and the question page share, asked without a database.</summary>
public sealed class CoalitionRuleTests
{
    private static readonly Guid Initiator = Guid.NewGuid();
    private static readonly Guid Partner = Guid.NewGuid();
    private static readonly Guid Supplier = Guid.NewGuid();
    private static readonly Guid Stranger = Guid.NewGuid();
    private static readonly Guid QuestionId = Guid.NewGuid();
    private static readonly Guid Id = Coalition.IdFor(QuestionId);
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static Coalition Formed() =>
        Coalition.Create(new CoalitionFormed(Id, QuestionId, Initiator, 3, null, "Samen leren", Now.AddDays(-3)))
            .Apply(new MemberJoinedCoalition(Id, Partner, Positions.Partner, "Ik wil dit ook leren", Now.AddDays(-2)))
            .Apply(new MemberJoinedCoalition(Id, Supplier, Positions.Supplier, "Ik breng materiaal", Now.AddDays(-2)));

    private static Coalition Closed() => Formed().Apply(new CoalitionClosed(Id, CoalitionClosed.NotViable, 2, 3, Now));

    private static Question Posted() =>
        Question.Create(new QuestionPosted(QuestionId, Initiator, "Hoe geef ik feedback?", "Klas 2", "Mijn les", "Weinig",
            ["formatief-evalueren"], "vo", Now.AddDays(-4)));

    [Fact]
    public void Members_other_than_the_initiator_change_position_in_an_open_coalition()
    {
        ChangePositionEndpoint.MayChange(Formed(), Partner).ShouldBeNull();
        ChangePositionEndpoint.MayChange(Formed(), Supplier).ShouldBeNull();
        ChangePositionEndpoint.MayChange(Formed(), Initiator)!.Errors.Keys.ShouldBe(["position"]);
        ChangePositionEndpoint.MayChange(Formed(), Stranger)!.Status.ShouldBe(409);
        ChangePositionEndpoint.MayChange(Closed(), Partner)!.Status.ShouldBe(409);
    }

    [Fact]
    public void Only_the_initiator_of_an_open_coalition_may_offer_the_initiative()
    {
        HandoverEndpoints.MayOffer(Formed(), Initiator).ShouldBeNull();
        HandoverEndpoints.MayOffer(Formed(), Partner)!.Status.ShouldBe(403);
        HandoverEndpoints.MayOffer(Closed(), Initiator)!.Status.ShouldBe(409);
    }

    [Fact]
    public void Only_the_member_it_was_offered_to_may_accept_the_initiative()
    {
        var offered = Formed().Apply(new InitiativeHandoverOffered(Id, Initiator, Partner, Now));

        HandoverEndpoints.MayAccept(offered, Posted(), Partner).ShouldBeNull();
        HandoverEndpoints.MayAccept(offered, Posted(), Supplier)!.Status.ShouldBe(409);
        HandoverEndpoints.MayAccept(Formed(), Posted(), Partner)!.Status.ShouldBe(409);
        HandoverEndpoints.MayAccept(offered.Apply(new CoalitionClosed(Id, CoalitionClosed.NotViable, 2, 3, Now)),
            Posted(), Partner)!.Status.ShouldBe(409);
    }

    [Fact]
    public void Only_a_partner_may_take_on_an_initiative_nobody_holds()
    {
        var orphaned = Formed().Apply(new MemberLeftCoalition(Id, Initiator, Positions.Initiator, Now));

        HandoverEndpoints.MayTakeOn(orphaned, Posted(), Partner).ShouldBeNull();
        HandoverEndpoints.MayTakeOn(orphaned, Posted(), Supplier)!.Status.ShouldBe(403);
        HandoverEndpoints.MayTakeOn(Formed(), Posted(), Partner)!.Status.ShouldBe(409);
        HandoverEndpoints.MayTakeOn(orphaned, Posted().Apply(new QuestionWithdrawn(QuestionId, Initiator, Now)),
            Partner)!.Status.ShouldBe(409);
    }
}
