using HetInitiatief.Questions;

namespace HetInitiatief.Tests.Questions;

public sealed class QuestionDetailsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_history_shows_which_answers_came_before_each_formulation()
    {
        var id = Guid.NewGuid();
        var owner = Guid.NewGuid();
        var colleague = Guid.NewGuid();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        var details = QuestionDetails.Create(new QuestionPosted(id, owner, "Titel één", "Tekst één", "w", "k", ["rekenen"], "po", Start))
            .Apply(new FollowUpAsked(id, first, colleague, "Vraag 1", Start.AddMinutes(1)))
            .Apply(new FollowUpAnswered(id, first, owner, "Antwoord 1", Start.AddMinutes(2)))
            .Apply(new QuestionReformulated(id, owner, 2, "Titel twee", "Tekst twee", Start.AddMinutes(3)))
            .Apply(new FollowUpAsked(id, second, colleague, "Vraag 2", Start.AddMinutes(4)))
            .Apply(new FollowUpAnswered(id, second, owner, "Antwoord 2", Start.AddMinutes(5)))
            .Apply(new QuestionReformulated(id, owner, 3, "Titel drie", "Tekst drie", Start.AddMinutes(6)));

        details.Title.ShouldBe("Titel drie");
        details.Version.ShouldBe(7);
        details.LastActivityAt.ShouldBe(Start.AddMinutes(6));
        details.Versions.Select(v => (v.Version, v.Title)).ShouldBe([(1, "Titel één"), (2, "Titel twee"), (3, "Titel drie")]);
        details.Versions.Select(v => v.AnswersBefore).ShouldBe([[], [first], [second]]);
    }
}
