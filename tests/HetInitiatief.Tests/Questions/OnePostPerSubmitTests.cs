using Alba;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Questions;

/// <summary>A question form sent twice — a double press, or two requests racing — posts one question.</summary>
public sealed class OnePostPerSubmitTests(AppFixture app)
{
    private static PostQuestion AQuestion(string title) =>
        new(title, "Mijn leerlingen vergeten woorden.", "Lezen blijft achter.", "De viertakt.", ["taal-en-lezen"], "po");

    [Fact]
    public async Task The_same_form_sent_ten_times_at_once_writes_one_question_and_answers_each_with_it()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var store = app.Host.Services.GetRequiredService<IDocumentStore>();
        var submission = Guid.CreateVersion7();
        var title = $"Eén vraag per formulier {Guid.NewGuid():N}";

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            PostQuestionEndpoint.PostAsync(AQuestion(title), owner.Id, store, DateTimeOffset.UtcNow, CancellationToken.None, submission)));

        outcomes.ShouldAllBe(o => o.Problem == null && o.Value!.QuestionId == submission);
        await using var session = store.QuerySession();
        (await session.Query<QuestionBoardItem>().CountAsync(q => q.Title == title)).ShouldBe(1);
        (await session.Events.FetchStreamAsync(submission)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Another_members_form_token_is_refused_and_nothing_is_written()
    {
        var anna = await app.Host.RegisterMemberAsync();
        var bram = await app.Host.RegisterMemberAsync();
        var store = app.Host.Services.GetRequiredService<IDocumentStore>();
        var submission = Guid.CreateVersion7();
        await PostQuestionEndpoint.PostAsync(AQuestion("Anna's vraag over woorden"), anna.Id, store, DateTimeOffset.UtcNow, CancellationToken.None, submission);

        var outcome = await PostQuestionEndpoint.PostAsync(AQuestion("Bram's vraag over rekenen"), bram.Id, store, DateTimeOffset.UtcNow, CancellationToken.None, submission);

        outcome.Problem!.Status.ShouldBe(409);
        await using var session = store.QuerySession();
        (await session.LoadAsync<QuestionBoardItem>(submission))!.OwnerId.ShouldBe(anna.Id);
    }

    [Fact]
    public async Task An_api_client_repeating_a_post_with_its_idempotency_key_gets_the_same_question()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var key = Guid.NewGuid().ToString();
        var title = $"Een vraag via de API {Guid.NewGuid():N}";

        var posts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.Host.Scenario(x =>
        {
            x.Post.Json(QuestionSteps.AQuestion(title)).ToUrl("/api/questions");
            x.WithRequestHeader("Idempotency-Key", key);
            x.As(owner);
            x.StatusCodeShouldBe(201);
        })));

        posts.Select(p => p.Context.Response.Headers.Location.ToString()).Distinct().ShouldBe([$"/api/questions/{key}"]);
        var store = app.Host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        (await session.Query<QuestionBoardItem>().CountAsync(q => q.Title == title)).ShouldBe(1);

        var invalid = await app.Host.Scenario(x =>
        {
            x.Post.Json(QuestionSteps.AQuestion(title)).ToUrl("/api/questions");
            x.WithRequestHeader("Idempotency-Key", "eens-kijken");
            x.As(owner);
            x.StatusCodeShouldBe(400);
        });
        (await invalid.ProblemAsync()).Errors!.Keys.ShouldBe(["Idempotency-Key"]);
    }
}
