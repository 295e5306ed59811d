namespace HetInitiatief.Questions;

/// <summary>The state rules several question commands share, and the limits of their fields.</summary>
public static class QuestionRules
{
    public const int TitleMax = 150;
    public const int ContextMax = 4000;
    public const int WhyMineMax = 2000;
    public const int AlreadyKnownMax = 2000;
    public const int FollowUpMax = 1000;
    public const int AnswerMax = 2000;
    public const int GoalMax = 600;

    public const string NotFound = "Deze vraag bestaat niet.";

    public static Problem? MustBeOpen(Question question) =>
        question.MergedInto is not null ? Problem.Conflict("Deze vraag is samengevoegd met een andere; het gesprek gaat daar verder.")
        : question.IsWithdrawn ? Problem.Conflict("Deze vraag is ingetrokken; er kan niets meer aan veranderen.") : null;

    public static Problem? MustBeOwner(Question question, Guid memberId, string action) =>
        question.OwnerId == memberId ? null : Problem.Forbidden($"Alleen de inbrenger van deze vraag kan {action}.");

    /// <summary>What the owner changes (answers, versions, the goal) only changes while the question is open.</summary>
    public static Problem? MustBeOpenForOwner(Question question, Guid memberId, string action) =>
        MustBeOpen(question) ?? MustBeOwner(question, memberId, action);
}
