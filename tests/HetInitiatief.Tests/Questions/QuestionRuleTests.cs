using HetInitiatief.Questions;

namespace HetInitiatief.Tests.Questions;

/// <summary>The "may I" rules the decisions and the question page share, asked without a database.</summary>
public sealed class QuestionRuleTests
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Colleague = Guid.NewGuid();
    private static readonly Guid QuestionId = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static Question Open() =>
        Question.Create(new QuestionPosted(QuestionId, Owner, "Betere woordenschatlessen", "Context", "Waarom",
            "Wat ik weet", ["taal-en-lezen"], "po", Now.AddDays(-1)));

    private static Question Withdrawn() => Open().Apply(new QuestionWithdrawn(QuestionId, Owner, Now));

    [Fact]
    public void Colleagues_ask_follow_ups_on_an_open_question_and_the_owner_does_not()
    {
        AskFollowUpEndpoint.MayAsk(Open(), Colleague).ShouldBeNull();
        AskFollowUpEndpoint.MayAsk(Open(), Owner)!.Status.ShouldBe(403);
        AskFollowUpEndpoint.MayAsk(Withdrawn(), Colleague)!.Status.ShouldBe(409);
    }

    [Fact]
    public void Only_the_owner_changes_an_open_question()
    {
        QuestionRules.MustBeOpenForOwner(Open(), Owner, "iets").ShouldBeNull();
        QuestionRules.MustBeOpenForOwner(Open(), Colleague, "iets")!.Status.ShouldBe(403);
        QuestionRules.MustBeOpenForOwner(Withdrawn(), Owner, "iets")!.Status.ShouldBe(409);
    }

    [Fact]
    public void The_owner_or_a_moderator_links_an_open_question()
    {
        LinkQuestionEndpoint.MayLink(Open(), Owner, moderator: false).ShouldBeNull();
        LinkQuestionEndpoint.MayLink(Open(), Colleague, moderator: true).ShouldBeNull();
        LinkQuestionEndpoint.MayLink(Open(), Colleague, moderator: false)!.Status.ShouldBe(403);
        LinkQuestionEndpoint.MayLink(Withdrawn(), Owner, moderator: false)!.Status.ShouldBe(409);
        LinkQuestionEndpoint.MayLink(Withdrawn(), Colleague, moderator: true)!.Status.ShouldBe(409);
    }
}
