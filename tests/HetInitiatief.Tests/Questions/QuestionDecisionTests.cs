using HetInitiatief.Questions;

namespace HetInitiatief.Tests.Questions;

/// <summary>The pure decisions: given a question's events, when a command, then events or a refusal.</summary>
public sealed class QuestionDecisionTests
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Colleague = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static Question Given(params object[] events)
    {
        var question = Question.Create((QuestionPosted)events[0]);
        foreach (var e in events.Skip(1))
        {
            question = e switch
            {
                FollowUpAsked f => question.Apply(f),
                FollowUpAnswered a => question.Apply(a),
                QuestionReformulated r => question.Apply(r),
                QuestionWithdrawn w => question.Apply(w),
                GoalSet g => question.Apply(g),
                _ => throw new ArgumentException(e.GetType().Name),
            };
        }
        return question;
    }

    private static readonly Guid QuestionId = Guid.NewGuid();
    private static readonly QuestionPosted Posted = new(QuestionId, Owner, "Betere woordenschatlessen", "Context", "Waarom", "Wat ik weet", ["taal-en-lezen"], "po", Now.AddDays(-1));

    [Fact]
    public void A_colleague_asks_a_follow_up()
    {
        var followUpId = Guid.NewGuid();
        var decision = AskFollowUpEndpoint.Decide(Given(Posted), new AskFollowUp("  Welke woorden?  "), followUpId, Colleague, Now);

        decision.Refusal.ShouldBeNull();
        decision.Events.ShouldBe([new FollowUpAsked(QuestionId, followUpId, Colleague, "Welke woorden?", Now)]);
    }

    [Fact]
    public void The_owner_cannot_ask_a_follow_up_on_their_own_question()
    {
        var decision = AskFollowUpEndpoint.Decide(Given(Posted), new AskFollowUp("Welke woorden?"), Guid.NewGuid(), Owner, Now);

        decision.Refusal!.Status.ShouldBe(403);
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void An_empty_follow_up_is_refused_with_the_field_named()
    {
        var decision = AskFollowUpEndpoint.Decide(Given(Posted), new AskFollowUp("   "), Guid.NewGuid(), Colleague, Now);

        decision.Refusal!.Status.ShouldBe(400);
        decision.Refusal.Errors.Keys.ShouldBe(["text"]);
    }

    [Fact]
    public void Nothing_can_be_asked_on_a_withdrawn_question()
    {
        var decision = AskFollowUpEndpoint.Decide(Given(Posted, new QuestionWithdrawn(QuestionId, Owner, Now)), new AskFollowUp("Welke woorden?"), Guid.NewGuid(), Colleague, Now);

        decision.Refusal!.Status.ShouldBe(409);
    }

    [Fact]
    public void The_owner_answers_an_open_follow_up_once()
    {
        var followUpId = Guid.NewGuid();
        var asked = new FollowUpAsked(QuestionId, followUpId, Colleague, "Welke woorden?", Now);

        var first = AnswerFollowUpEndpoint.Decide(Given(Posted, asked), followUpId, new AnswerFollowUp("Uit de methode."), Owner, Now);
        var again = AnswerFollowUpEndpoint.Decide(Given(Posted, asked, first.Events[0]), followUpId, new AnswerFollowUp("Nog eens."), Owner, Now);

        first.Events.ShouldBe([new FollowUpAnswered(QuestionId, followUpId, Owner, "Uit de methode.", Now)]);
        again.Refusal!.Status.ShouldBe(409);
    }

    [Fact]
    public void Only_the_owner_answers_and_only_follow_ups_of_this_question()
    {
        var followUpId = Guid.NewGuid();
        var question = Given(Posted, new FollowUpAsked(QuestionId, followUpId, Colleague, "Welke woorden?", Now));

        AnswerFollowUpEndpoint.Decide(question, followUpId, new AnswerFollowUp("Ik weet het"), Colleague, Now).Refusal!.Status.ShouldBe(403);
        AnswerFollowUpEndpoint.Decide(question, Guid.NewGuid(), new AnswerFollowUp("Ik weet het"), Owner, Now).Refusal!.Status.ShouldBe(404);
    }

    [Fact]
    public void A_reformulation_gets_the_next_formulation_number()
    {
        var second = new QuestionReformulated(QuestionId, Owner, 2, "Tweede titel", "Tweede tekst", Now);

        var decision = ReformulateQuestionEndpoint.Decide(Given(Posted, second), new ReformulateQuestion("Derde titel", "Derde tekst", 2), Owner, Now);

        decision.Events.ShouldBe([new QuestionReformulated(QuestionId, Owner, 3, "Derde titel", "Derde tekst", Now)]);
    }

    [Fact]
    public void Only_the_owner_reformulates_sets_the_goal_or_withdraws()
    {
        var question = Given(Posted);

        ReformulateQuestionEndpoint.Decide(question, new ReformulateQuestion("Andere titel", "Andere tekst", 1), Colleague, Now).Refusal!.Status.ShouldBe(403);
        SetGoalEndpoint.Decide(question, new SetGoal("In zes weken geven we een les over..."), Colleague, Now).Refusal!.Status.ShouldBe(403);
        WithdrawQuestionEndpoint.Decide(question, null, Colleague, Now).Refusal!.Status.ShouldBe(403);
    }

    [Fact]
    public void A_reformulation_without_the_version_it_was_based_on_is_refused()
    {
        var decision = ReformulateQuestionEndpoint.Decide(Given(Posted), new ReformulateQuestion("Andere titel", "Andere tekst", null), Owner, Now);

        decision.Refusal!.Errors.Keys.ShouldBe(["expectedVersion"]);
    }

    [Fact]
    public void Withdrawing_closes_an_open_coalition_around_the_question()
    {
        var coalition = HetInitiatief.Coalitions.Coalition.Create(new HetInitiatief.Coalitions.CoalitionFormed(
            HetInitiatief.Coalitions.Coalition.IdFor(QuestionId), QuestionId, Owner, 4, null, "Samen", Now));

        WithdrawQuestionEndpoint.Decide(Given(Posted), coalition, Owner, Now).Events.ShouldBe([
            new QuestionWithdrawn(QuestionId, Owner, Now),
            new HetInitiatief.Coalitions.CoalitionClosed(coalition.Id, HetInitiatief.Coalitions.CoalitionClosed.QuestionWithdrawn, 1, 4, Now),
        ]);
    }

    [Fact]
    public void Withdrawing_twice_is_a_conflict()
    {
        var decision = WithdrawQuestionEndpoint.Decide(Given(Posted, new QuestionWithdrawn(QuestionId, Owner, Now)), null, Owner, Now);

        decision.Refusal!.Status.ShouldBe(409);
    }

    [Fact]
    public void Posting_names_every_missing_field_and_unknown_theme_at_once()
    {
        var decision = PostQuestionEndpoint.Decide(new PostQuestion("", null, " ", "x", ["bestaat-niet"], "wo"), Guid.NewGuid(), Owner, Now);

        decision.Refusal!.Status.ShouldBe(400);
        decision.Refusal.Errors.Keys.ShouldBe(["title", "context", "whyMine", "themes", "sector"], ignoreOrder: true);
    }

    [Fact]
    public void Posting_keeps_each_theme_once()
    {
        var id = Guid.NewGuid();
        var decision = PostQuestionEndpoint.Decide(new PostQuestion("Een goede titel", "Context", "Waarom", "Weet", ["rekenen", "rekenen"], "vo"), id, Owner, Now);

        ((QuestionPosted)decision.Events.Single()).Themes.ShouldBe(["rekenen"]);
    }
}
