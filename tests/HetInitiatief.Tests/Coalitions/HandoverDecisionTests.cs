using HetInitiatief.Coalitions;
using HetInitiatief.Questions;

namespace HetInitiatief.Tests.Coalitions;

/// <summary>No orphaned initiatives: the rules of handing over and taking on, decided without a database.</summary>
public sealed class HandoverDecisionTests
{
    private static readonly Guid Initiator = Guid.NewGuid();
    private static readonly Guid Partner = Guid.NewGuid();
    private static readonly Guid Supplier = Guid.NewGuid();
    private static readonly Guid QuestionId = Guid.NewGuid();
    private static readonly Guid Id = Coalition.IdFor(QuestionId);
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static Coalition Formed() =>
        Coalition.Create(new CoalitionFormed(Id, QuestionId, Initiator, 3, null, "Samen leren", Now.AddDays(-3)))
            .Apply(new MemberJoinedCoalition(Id, Partner, Positions.Partner, "Ik wil dit ook leren", Now.AddDays(-2)))
            .Apply(new MemberJoinedCoalition(Id, Supplier, Positions.Supplier, "Ik breng materiaal", Now.AddDays(-2)));

    private static Question Posted() =>
        Question.Create(new QuestionPosted(QuestionId, Initiator, "Hoe geef ik feedback?", "Klas 2", "Mijn les", "Weinig",
            ["formatief-evalueren"], "vo", Now.AddDays(-4)));

    [Fact]
    public void Only_the_initiator_offers_the_initiative_and_only_to_a_partner()
    {
        // Given an open coalition with a partner and a supplier
        var coalition = Formed();

        // Then a stranger may not, the initiator may not pick a supplier or nobody, and may pick the partner once
        HandoverEndpoints.DecideOffer(coalition, new OfferHandover(Partner), Partner, Now).Refusal!.Status.ShouldBe(403);
        HandoverEndpoints.DecideOffer(coalition, new OfferHandover(Supplier), Initiator, Now).Refusal!.Errors.Keys
            .ShouldBe(["toMemberId"]);
        HandoverEndpoints.DecideOffer(coalition, new OfferHandover(null), Initiator, Now).Refusal!.Status.ShouldBe(400);
        HandoverEndpoints.DecideOffer(coalition, new OfferHandover(Partner), Initiator, Now).Events
            .ShouldBe([new InitiativeHandoverOffered(Id, Initiator, Partner, Now)]);
        var offered = coalition.Apply(new InitiativeHandoverOffered(Id, Initiator, Partner, Now));
        HandoverEndpoints.DecideOffer(offered, new OfferHandover(Partner), Initiator, Now.AddMinutes(1)).Events
            .ShouldBeEmpty();
    }

    [Fact]
    public void A_closed_coalition_hands_nothing_over()
    {
        var closed = Formed().Apply(new CoalitionClosed(Id, CoalitionClosed.NotViable, 2, 3, Now));

        HandoverEndpoints.DecideOffer(closed, new OfferHandover(Partner), Initiator, Now).Refusal!.Status.ShouldBe(409);
    }

    [Fact]
    public void The_partner_it_was_offered_to_accepts_and_the_question_moves_with_the_initiative()
    {
        // Given the initiator offered the initiative to the partner
        var offered = Formed().Apply(new InitiativeHandoverOffered(Id, Initiator, Partner, Now.AddHours(-1)));

        // Then nobody else can accept it, and when the partner does, both streams record the move
        HandoverEndpoints.DecideAccept(offered, Posted(), Supplier, Now).Refusal!.Status.ShouldBe(409);
        HandoverEndpoints.DecideAccept(Formed(), Posted(), Partner, Now).Refusal!.Status.ShouldBe(409);
        HandoverEndpoints.DecideAccept(offered, Posted(), Partner, Now).Events.ShouldBe([
            new InitiativeHandedOver(Id, Initiator, Partner, Now),
            new QuestionOwnershipTransferred(QuestionId, Initiator, Partner, Now),
        ]);
    }

    [Fact]
    public void A_withdrawn_question_cannot_change_hands()
    {
        var offered = Formed().Apply(new InitiativeHandoverOffered(Id, Initiator, Partner, Now.AddHours(-1)));
        var withdrawn = Posted().Apply(new QuestionWithdrawn(QuestionId, Initiator, Now.AddMinutes(-5)));

        HandoverEndpoints.DecideAccept(offered, withdrawn, Partner, Now).Refusal!.Status.ShouldBe(409);
    }

    [Fact]
    public void When_the_initiator_left_a_partner_takes_the_initiative_on_but_a_supplier_cannot()
    {
        // Given a coalition that still has its initiator, and one whose initiator left
        var led = Formed();
        var orphaned = led.Apply(new MemberLeftCoalition(Id, Initiator, Positions.Initiator, Now.AddHours(-1)));

        // Then only the orphaned one can be taken on, and only by a partner
        HandoverEndpoints.DecideTakeOn(led, Posted(), Partner, Now).Refusal!.Status.ShouldBe(409);
        HandoverEndpoints.DecideTakeOn(orphaned, Posted(), Supplier, Now).Refusal!.Status.ShouldBe(403);
        HandoverEndpoints.DecideTakeOn(orphaned, Posted(), Partner, Now).Events.ShouldBe([
            new InitiativeTakenOn(Id, Partner, Now),
            new QuestionOwnershipTransferred(QuestionId, Initiator, Partner, Now),
        ]);
    }

    // The rules below are the ones the question page asks to decide which forms to show.

    [Fact]
    public void Only_the_initiator_of_an_open_coalition_may_offer_the_initiative()
    {
        HandoverEndpoints.MayOffer(Formed(), Initiator).ShouldBeNull();
        HandoverEndpoints.MayOffer(Formed(), Partner)!.Status.ShouldBe(403);
        var closed = Formed().Apply(new CoalitionClosed(Id, CoalitionClosed.NotViable, 2, 3, Now));
        HandoverEndpoints.MayOffer(closed, Initiator)!.Status.ShouldBe(409);
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
