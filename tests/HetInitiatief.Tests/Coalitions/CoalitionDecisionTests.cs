using HetInitiatief.Coalitions;
using HetInitiatief.Questions;

namespace HetInitiatief.Tests.Coalitions;

public sealed class CoalitionDecisionTests
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid QuestionId = Guid.NewGuid();
    private static readonly Guid CoalitionId = Coalition.IdFor(QuestionId);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static Coalition Given(int threshold, params object[] events) =>
        events.Aggregate(Coalition.Create(new CoalitionFormed(CoalitionId, QuestionId, Owner, threshold, null, "Samen leren", Now)), (c, e) => e switch
        {
            MemberJoinedCoalition j => c.Apply(j),
            MemberLeftCoalition l => c.Apply(l),
            CoalitionPositionChanged p => c.Apply(p),
            CoalitionThresholdReached t => c.Apply(t),
            CoalitionClosed x => c.Apply(x),
            _ => throw new ArgumentException(e.GetType().Name),
        });

    private static MemberJoinedCoalition Joined(Guid member, string position = Positions.Partner) => new(CoalitionId, member, position, "Ik doe mee", Now);

    [Fact]
    public void The_owner_forms_a_coalition_with_the_default_threshold()
    {
        var question = Question.Create(new QuestionPosted(QuestionId, Owner, "Titel", "Tekst", "w", "k", ["rekenen"], "po", Now));

        var decision = FormCoalitionEndpoint.Decide(question, new FormCoalition(null, null, "Wat gaan we samen leren?"), Owner, Now);

        decision.Events.ShouldBe([new CoalitionFormed(CoalitionId, QuestionId, Owner, 6, null, "Wat gaan we samen leren?", Now)]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(41)]
    public void A_threshold_outside_3_to_40_is_refused(int threshold)
    {
        var question = Question.Create(new QuestionPosted(QuestionId, Owner, "Titel", "Tekst", "w", "k", ["rekenen"], "po", Now));

        var decision = FormCoalitionEndpoint.Decide(question, new FormCoalition(threshold, null, "Wat gaan we samen leren?"), Owner, Now);

        decision.Refusal!.Errors.Keys.ShouldBe(["threshold"]);
    }

    [Fact]
    public void Only_the_owner_forms_it_and_only_around_an_open_question()
    {
        var question = Question.Create(new QuestionPosted(QuestionId, Owner, "Titel", "Tekst", "w", "k", ["rekenen"], "po", Now));

        FormCoalitionEndpoint.Decide(question, new FormCoalition(3, null, "Wat gaan we samen leren?"), Guid.NewGuid(), Now).Refusal!.Status.ShouldBe(403);
        FormCoalitionEndpoint.Decide(question.Apply(new QuestionWithdrawn(QuestionId, Owner, Now)), new FormCoalition(3, null, "Wat gaan we samen leren?"), Owner, Now)
            .Refusal!.Status.ShouldBe(409);
    }

    [Fact]
    public void The_partner_who_completes_the_group_records_the_milestone_once()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        var decision = JoinCoalitionEndpoint.Decide(Given(3, Joined(first)), new JoinCoalition(null, "Ik wil dit ook"), second, Now);

        decision.Events.ShouldBe([
            new MemberJoinedCoalition(CoalitionId, second, Positions.Partner, "Ik wil dit ook", Now),
            new CoalitionThresholdReached(CoalitionId, 3, 3, Now),
        ]);
    }

    [Fact]
    public void Leaving_after_the_milestone_does_not_undo_it_and_rejoining_does_not_repeat_it()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var reached = Given(3, Joined(a), Joined(b), new CoalitionThresholdReached(CoalitionId, 3, 3, Now), new MemberLeftCoalition(CoalitionId, b, Positions.Partner, Now));

        reached.Partners.ShouldBe(2);
        JoinCoalitionEndpoint.Decide(reached, new JoinCoalition(null, "Ik doe mee"), c, Now).Events.ShouldBe([Joined(c) with { Contribution = "Ik doe mee" }]);
    }

    [Fact]
    public void Suppliers_links_and_users_do_not_count_toward_the_threshold()
    {
        var decision = JoinCoalitionEndpoint.Decide(Given(3, Joined(Guid.NewGuid())), new JoinCoalition(Positions.Supplier, "Ik heb materiaal"), Guid.NewGuid(), Now);

        decision.Events.ShouldHaveSingleItem().ShouldBeOfType<MemberJoinedCoalition>();
    }

    [Fact]
    public void Joining_twice_changes_nothing()
    {
        var member = Guid.NewGuid();

        var decision = JoinCoalitionEndpoint.Decide(Given(3, Joined(member)), new JoinCoalition(null, "Nog een keer"), member, Now);

        decision.Refusal.ShouldBeNull();
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void Joining_needs_a_known_position_a_contribution_and_an_open_coalition()
    {
        JoinCoalitionEndpoint.Decide(Given(3), new JoinCoalition(Positions.Initiator, ""), Guid.NewGuid(), Now)
            .Refusal!.Errors.Keys.ShouldBe(["position", "contribution"], ignoreOrder: true);
        JoinCoalitionEndpoint.Decide(Given(3, new CoalitionClosed(CoalitionId, CoalitionClosed.QuestionWithdrawn, 1, 3, Now)), new JoinCoalition(null, "Ik doe mee"), Guid.NewGuid(), Now)
            .Refusal!.Status.ShouldBe(409);
    }

    [Fact]
    public void A_user_who_becomes_a_partner_can_complete_the_group()
    {
        var member = Guid.NewGuid();

        var decision = ChangePositionEndpoint.Decide(Given(3, Joined(Guid.NewGuid()), Joined(member, Positions.User)), new ChangePosition(Positions.Partner), member, Now);

        decision.Events.ShouldBe([new CoalitionPositionChanged(CoalitionId, member, Positions.Partner, Now), new CoalitionThresholdReached(CoalitionId, 3, 3, Now)]);
    }

    [Fact]
    public void The_initiator_cannot_step_down_to_another_position_and_outsiders_cannot_change_one()
    {
        ChangePositionEndpoint.Decide(Given(3), new ChangePosition(Positions.User), Owner, Now).Refusal!.Status.ShouldBe(409);
        ChangePositionEndpoint.Decide(Given(3), new ChangePosition(Positions.User), Guid.NewGuid(), Now).Refusal!.Status.ShouldBe(409);
    }

    [Fact]
    public void When_the_initiator_leaves_the_coalition_seeks_a_new_one()
    {
        var coalition = Given(3, new MemberLeftCoalition(CoalitionId, Owner, Positions.Initiator, Now));

        coalition.SeeksInitiator.ShouldBeTrue();
        coalition.Partners.ShouldBe(0);
    }

    [Fact]
    public void The_coalition_id_follows_from_the_question_id()
    {
        Coalition.IdFor(QuestionId).ShouldBe(Coalition.IdFor(QuestionId));
        Coalition.IdFor(QuestionId).ShouldNotBe(Coalition.IdFor(Guid.NewGuid()));
        Coalition.IdFor(QuestionId).ShouldNotBe(QuestionId);
    }

    [Fact]
    public void Members_other_than_the_initiator_change_position_in_an_open_coalition_as_the_page_offers()
    {
        var partner = Guid.NewGuid();
        var supplier = Guid.NewGuid();
        var coalition = Given(5, Joined(partner), Joined(supplier, Positions.Supplier));
        var closed = coalition.Apply(new CoalitionClosed(CoalitionId, CoalitionClosed.NotViable, 2, 5, Now));

        ChangePositionEndpoint.MayChange(coalition, partner).ShouldBeNull();
        ChangePositionEndpoint.MayChange(coalition, supplier).ShouldBeNull();
        ChangePositionEndpoint.MayChange(coalition, Owner)!.Errors.Keys.ShouldBe(["position"]);
        ChangePositionEndpoint.MayChange(coalition, Guid.NewGuid())!.Status.ShouldBe(409);
        ChangePositionEndpoint.MayChange(closed, partner)!.Status.ShouldBe(409);
    }
}
