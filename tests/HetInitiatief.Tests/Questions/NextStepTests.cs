using HetInitiatief.Coalitions;
using HetInitiatief.Offers;
using HetInitiatief.Questions;

namespace HetInitiatief.Tests.Questions;

/// <summary>"Wat nu?": for each viewer and state of the core loop, the one step the question page offers.</summary>
public sealed class NextStepTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly Person Anna = new(Guid.NewGuid(), "Anna");
    private static readonly Person Bram = new(Guid.NewGuid(), "Bram");
    private static readonly Person Cas = new(Guid.NewGuid(), "Cas");

    [Fact]
    public void A_fresh_question_asks_its_owner_to_invite_colleagues_to_probe_it()
    {
        var step = For(AQuestion(), viewer: Anna);
        step!.Kind.ShouldBe(NextSteps.InviteFollowUps);
        step.Href.ShouldBe("#delen");
    }

    [Fact]
    public void An_unanswered_follow_up_comes_first_for_the_owner_and_points_at_it()
    {
        var followUp = AFollowUp(Bram);
        var step = For(AQuestion(followUps: [AFollowUp(Cas, answered: true), followUp]), viewer: Anna);
        step!.Kind.ShouldBe(NextSteps.Answer);
        step.Title.ShouldBe("Beantwoord de vervolgvraag van Bram");
        step.Href.ShouldBe($"#vervolgvraag-{followUp.Id}");
    }

    [Fact]
    public void An_unanswered_follow_up_comes_first_even_while_the_owners_coalition_recruits_or_chooses_an_offer()
    {
        var question = AQuestion(followUps: [AFollowUp(Bram)]);
        For(question, ACoalition(partners: 1), viewer: Anna)!.Kind.ShouldBe(NextSteps.Answer);
        For(question, AGroupAtThreshold(), [AProposal(Cas, ProposalStatus.Open)], viewer: Anna)!.Kind.ShouldBe(NextSteps.Answer);
        For(question, AGroupAtThreshold(), [AProposal(Cas, ProposalStatus.Open)], viewer: Cas)!.Kind.ShouldBe(NextSteps.React);
    }

    [Fact]
    public void Answers_not_yet_worked_into_a_new_version_ask_the_owner_to_sharpen()
    {
        var step = For(AQuestion(followUps: [AFollowUp(Bram, answered: true)]), viewer: Anna);
        step!.Kind.ShouldBe(NextSteps.Sharpen);
    }

    [Fact]
    public void A_sharpened_question_without_a_coalition_asks_the_owner_to_start_one()
    {
        var answered = AFollowUp(Bram, answered: true);
        var step = For(AQuestion(followUps: [answered], versions: [Version(1, []), Version(2, [answered.Id])]), viewer: Anna);
        step!.Kind.ShouldBe(NextSteps.StartCoalition);
        step.Href.ShouldBe("#coalitie");
    }

    [Fact]
    public void A_colleague_is_asked_to_probe_before_there_is_a_coalition_and_to_join_once_there_is()
    {
        For(AQuestion(), viewer: Bram)!.Kind.ShouldBe(NextSteps.AskFollowUp);
        For(AQuestion(), ACoalition(partners: 1), viewer: Bram)!.Kind.ShouldBe(NextSteps.Join);
    }

    [Fact]
    public void Members_of_a_coalition_below_its_threshold_recruit_and_are_told_how_many_are_missing()
    {
        var coalition = ACoalition(partners: 2, threshold: 4, members: [(Anna, Positions.Initiator), (Bram, Positions.Partner)]);
        var step = For(AQuestion(), coalition, viewer: Bram);
        step!.Kind.ShouldBe(NextSteps.Recruit);
        step.Title.ShouldBe("Nog 2 partners nodig");
    }

    [Fact]
    public void A_user_who_joined_does_not_count_toward_the_partners_still_missing()
    {
        var coalition = ACoalition(partners: 2, threshold: 3, members: [(Anna, Positions.Initiator), (Bram, Positions.Partner), (Cas, Positions.User)]);
        For(AQuestion(), coalition, viewer: Cas)!.Title.ShouldBe("Nog 1 partner nodig");
    }

    [Fact]
    public void At_the_threshold_a_member_who_offers_the_theme_proposes_then_the_initiator_chooses_and_the_others_react()
    {
        var coalition = AGroupAtThreshold();
        For(AQuestion(), coalition, viewer: Bram, canSupply: true)!.Kind.ShouldBe(NextSteps.Propose);
        var find = For(AQuestion(), coalition, viewer: Cas)!;
        find.Kind.ShouldBe(NextSteps.FindSupplier);
        find.Href.ShouldBe("#delen");

        var proposal = AProposal(Bram, ProposalStatus.Open);
        For(AQuestion(), coalition, [proposal], viewer: Anna)!.Kind.ShouldBe(NextSteps.ChooseProposal);
        For(AQuestion(), coalition, [proposal], viewer: Cas)!.Kind.ShouldBe(NextSteps.React);
    }

    [Fact]
    public void An_accepted_offer_is_planned_by_the_initiator_or_its_proposer_and_awaited_by_the_rest()
    {
        var coalition = AGroupAtThreshold();
        var accepted = AProposal(Bram, ProposalStatus.Accepted);
        var plan = For(AQuestion(), coalition, [accepted], viewer: Anna)!;
        plan.Kind.ShouldBe(NextSteps.PlanSession);
        plan.Href.ShouldBe($"/bijeenkomsten/nieuw?coalitie={coalition.Id}&voorstel={accepted.Id}");
        For(AQuestion(), coalition, [accepted], viewer: Bram)!.Kind.ShouldBe(NextSteps.PlanSession);
        For(AQuestion(), coalition, [accepted], viewer: Cas)!.Kind.ShouldBe(NextSteps.SessionPlanned);
    }

    [Fact]
    public void A_planned_session_asks_members_who_have_no_seat_yet_to_sign_up()
    {
        var coalition = AGroupAtThreshold();
        var accepted = AProposal(Bram, ProposalStatus.Accepted);
        var session = new CoalitionSession(Guid.NewGuid(), Now.AddDays(7), CalledOff: false, SignedUp: false);
        var step = For(AQuestion(), coalition, [accepted], session, viewer: Cas)!;
        step.Kind.ShouldBe(NextSteps.SignUp);
        step.Href.ShouldBe($"/bijeenkomsten/{session.Id}");
        For(AQuestion(), coalition, [accepted], session with { SignedUp = true }, viewer: Cas)!.Kind.ShouldBe(NextSteps.SessionPlanned);
    }

    [Fact]
    public void After_the_session_the_owner_looks_back_on_the_goal_and_then_shares_what_it_brought()
    {
        var coalition = AGroupAtThreshold();
        var accepted = AProposal(Bram, ProposalStatus.Accepted);
        var held = new CoalitionSession(Guid.NewGuid(), Now.AddHours(-1), CalledOff: false, SignedUp: true);
        var withGoal = AQuestion() with { Goal = "Over zes weken geven we een woordenschatles." };

        For(withGoal, coalition, [accepted], held, viewer: Anna)!.Title.ShouldBe("Na afloop: is het doel bereikt?");
        For(withGoal with { GoalReached = true }, coalition, [accepted], held, viewer: Anna)!.Title.ShouldBe("Deel wat het opleverde");
        For(AQuestion(), coalition, [accepted], held, viewer: Anna)!.Title.ShouldBe("Na afloop: is gelukt wat jullie wilden leren?");
        For(withGoal, coalition, [accepted], held, viewer: Cas).ShouldBeNull();
        NextSteps.ShowsAfterwards(AQuestion(), held, Now).ShouldBeTrue();
        NextSteps.ShowsAfterwards(AQuestion(), held with { StartsAt = Now.AddDays(1) }, Now).ShouldBeFalse();
        NextSteps.ShowsAfterwards(AQuestion(), held with { CalledOff = true }, Now).ShouldBeFalse();
    }

    [Fact]
    public void A_withdrawn_merged_or_past_question_has_no_next_step()
    {
        For(AQuestion() with { Status = QuestionStatus.Withdrawn }, viewer: Anna).ShouldBeNull();
        For(AQuestion() with { MergedInto = new LinkedQuestion(Guid.NewGuid(), "Elders", QuestionStatus.Open) }, viewer: Bram).ShouldBeNull();
        For(AQuestion() with { AsOf = Now.AddDays(-1) }, viewer: Anna).ShouldBeNull();
    }

    private static NextStep? For(
        QuestionView question, CoalitionView? coalition = null, IReadOnlyList<ProposalView>? proposals = null,
        CoalitionSession? session = null, Person? viewer = null, bool canSupply = false) =>
        NextSteps.For(question, coalition, proposals ?? [], session, viewer!.Id, canSupply, Now);

    private static QuestionView AQuestion(IReadOnlyList<FollowUpView>? followUps = null, IReadOnlyList<FormulationView>? versions = null) =>
        new(Guid.NewGuid(), 1, QuestionStatus.Open, Anna, "Hoe blijven woorden hangen?", "Context", "Waarom", "Wat ik weet",
            [], "po", null, Now.AddDays(-3), Now.AddDays(-1), followUps ?? [], versions ?? [Version(1, [])], null, [], null, []);

    private static FormulationView Version(int number, IReadOnlyList<Guid> answersBefore) =>
        new(number, "Titel", "Context", Now.AddDays(-3 + number), answersBefore);

    private static FollowUpView AFollowUp(Person by, bool answered = false) =>
        new(Guid.NewGuid(), by, "Welke woorden?", Now.AddDays(-2), answered ? "Zaakvakwoorden." : null, answered ? Now.AddDays(-1) : null);

    private static CoalitionView ACoalition(int partners, int threshold = 3, IReadOnlyList<(Person Member, string Position)>? members = null)
    {
        var all = members ?? [(Anna, Positions.Initiator)];
        var network = Positions.Names.Select(p => new CoalitionGroupView(p.Key, p.Value,
            all.Where(m => m.Position == p.Key).Select(m => new CoalitionMemberView(m.Member, m.Position, "", Now)).ToList())).ToList();
        return new CoalitionView(Guid.NewGuid(), Guid.NewGuid(), 1, CoalitionStatus.Open, Anna, false, partners, threshold,
            partners >= threshold, partners >= threshold ? Now.AddDays(-1) : null, null, "Samen leren", null, network, null);
    }

    private static CoalitionView AGroupAtThreshold() =>
        ACoalition(partners: 3, members: [(Anna, Positions.Initiator), (Bram, Positions.Partner), (Cas, Positions.Partner)]);

    private static ProposalView AProposal(Person by, string status) =>
        new(Guid.NewGuid(), Guid.NewGuid(), by, "Werkplaats woordenschat", "Een les ontwerpen", "werkplaats", "fysiek", "14 januari",
            status, null, 0, 0, [], Now.AddDays(-1), 1);
}
