using Alba;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Questions;

public sealed class FollowUpTests(AppFixture app)
{
    [Fact]
    public async Task A_colleague_asks_and_the_owner_answers()
    {
        var owner = await app.Host.RegisterMemberAsync("Anna");
        var colleague = await app.Host.RegisterMemberAsync("Bram");
        var question = await app.Host.PostQuestionAsync(owner);

        var followUp = await app.Host.AskFollowUpAsync(colleague, question.QuestionId, "Welke woorden kies je nu?");
        var answered = await app.Host.AnswerFollowUpAsync(owner, question.QuestionId, followUp.FollowUpId,
            "Die uit de methode.");

        (await answered.ReadAsJsonAsync<QuestionWritten>())!.Version.ShouldBe(3);
        var view = await app.Host.GetQuestionAsync(colleague, question.QuestionId);
        view.Version.ShouldBe(3);
        var shown = view.FollowUps.ShouldHaveSingleItem();
        (shown.AskedBy.Name, shown.Text, shown.Answer).ShouldBe(("Bram", "Welke woorden kies je nu?", "Die uit de methode."));
    }

    [Fact]
    public async Task The_owner_cannot_ask_a_follow_up_on_their_own_question()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);

        await app.Host.AskFollowUpRefusedAsync(owner, question.QuestionId, 403, "Vraag aan mezelf?");
    }

    [Fact]
    public async Task Only_the_owner_answers()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var followUp = await app.Host.AskFollowUpAsync(colleague, question.QuestionId);

        await app.Host.AnswerFollowUpAsync(colleague, question.QuestionId, followUp.FollowUpId,
            "Ik antwoord voor Anna.", status: 403);
    }

    [Fact]
    public async Task Unknown_questions_and_follow_ups_are_404s_and_empty_text_a_400()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);

        await app.Host.AskFollowUpRefusedAsync(colleague, Guid.NewGuid(), 404, "Bestaat deze vraag?");
        await app.Host.AnswerFollowUpAsync(owner, question.QuestionId, Guid.NewGuid(), "Antwoord", status: 404);
        var empty = await app.Host.AskFollowUpRefusedAsync(colleague, question.QuestionId, 400, "");
        (await empty.ProblemAsync()).Errors!.Keys.ShouldBe(["text"]);
    }

    [Fact]
    public async Task Answering_twice_is_a_conflict()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var followUp = await app.Host.AskFollowUpAsync(colleague, question.QuestionId);

        await app.Host.AnswerFollowUpAsync(owner, question.QuestionId, followUp.FollowUpId, "Eerste");
        await app.Host.AnswerFollowUpAsync(owner, question.QuestionId, followUp.FollowUpId, "Tweede", status: 409);

        (await app.Host.GetQuestionAsync(owner, question.QuestionId)).FollowUps.Single().Answer.ShouldBe("Eerste");
    }

    [Fact]
    public async Task Twenty_colleagues_asking_at_once_are_all_kept_in_order()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var colleagues = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.Host.RegisterMemberAsync()));
        var question = await app.Host.PostQuestionAsync(owner);

        var asked = await Task.WhenAll(colleagues.Select((c, i) => app.Host.AskFollowUpAsync(c, question.QuestionId, $"Vervolgvraag nummer {i}")));

        asked.Select(a => a.Version).Order().ShouldBe(Enumerable.Range(2, 20).Select(v => (long)v));
        var view = await app.Host.GetQuestionAsync(owner, question.QuestionId);
        view.Version.ShouldBe(21);
        view.FollowUps.Count.ShouldBe(20);

        // The stream itself, replayed, agrees with the projection.
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var replayed = await session.Events.AggregateStreamAsync<QuestionDetails>(question.QuestionId);
        replayed!.FollowUps.Select(f => f.Id).ShouldBe(view.FollowUps.Select(f => f.Id));
        (await session.Events.FetchStreamAsync(question.QuestionId)).Count.ShouldBe(21);
    }
}
