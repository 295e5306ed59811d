using Alba;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Questions;

/// <summary>Reformulating, the goal, withdrawing and time travel: the articulation of a question.</summary>
public sealed class ArticulationTests(AppFixture app)
{
    [Fact]
    public async Task The_history_keeps_every_version_and_the_answers_before_it()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var followUp = await app.Host.AskFollowUpAsync(colleague, question.QuestionId);
        await app.Host.AnswerFollowUpAsync(owner, question.QuestionId, followUp.FollowUpId);

        await app.Host.ReformulateAsync(owner, question.QuestionId, expectedVersion: 3);

        var view = await app.Host.GetQuestionAsync(colleague, question.QuestionId);
        view.Title.ShouldBe("Hoe leer ik groep 5 woorden die blijven hangen?");
        view.Versions.Select(v => v.Version).ShouldBe([1, 2]);
        view.Versions[0].Title.ShouldBe("Hoe geef ik betere woordenschatlessen?");
        view.Versions[1].AnswersBefore.ShouldBe([followUp.FollowUpId]);
    }

    [Fact]
    public async Task A_reformulation_based_on_a_stale_version_is_refused_and_changes_nothing()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        await app.Host.AskFollowUpAsync(colleague, question.QuestionId);

        var result = await app.Host.ReformulateAsync(owner, question.QuestionId, expectedVersion: 1, status: 409);

        (await result.ProblemAsync()).Errors!.Keys.ShouldBe(["expectedVersion"]);
        var view = await app.Host.GetQuestionAsync(owner, question.QuestionId);
        (view.Version, view.Versions.Count).ShouldBe((2, 1));
    }

    [Fact]
    public async Task Two_simultaneous_reformulations_of_one_version_let_exactly_one_through()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            var result = await app.Host.ReformulateAsync(owner, question.QuestionId, 1, $"Herformulering nummer {i}",
                status: null);
            return result.Context.Response.StatusCode;
        }));

        statuses.Count(s => s == 201).ShouldBe(1);
        statuses.Count(s => s == 409).ShouldBe(5);
        (await app.Host.GetQuestionAsync(owner, question.QuestionId)).Versions.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Only_the_owner_reformulates_or_sets_the_goal()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);

        await app.Host.ReformulateAsync(colleague, question.QuestionId, expectedVersion: 1, status: 403);
        await app.Host.SetGoalAsync(colleague, question.QuestionId, status: 403);
    }

    [Fact]
    public async Task The_owner_states_a_goal()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);

        await app.Host.SetGoalAsync(owner, question.QuestionId,
            "In zes weken kan deze groep een woordenschatles geven.");

        (await app.Host.GetQuestionAsync(owner, question.QuestionId)).Goal.ShouldBe("In zes weken kan deze groep een woordenschatles geven.");
    }

    [Fact]
    public async Task A_withdrawn_question_leaves_the_board_and_takes_no_more_follow_ups()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);

        await app.Host.WithdrawAsync(colleague, question.QuestionId, status: 403);
        await app.Host.WithdrawAsync(owner, question.QuestionId);
        await app.Host.AskFollowUpRefusedAsync(colleague, question.QuestionId, 409, "Nog een vraag?");

        (await app.Host.GetQuestionAsync(owner, question.QuestionId)).Status.ShouldBe("withdrawn");
        (await app.Host.BoardAsync(owner)).ShouldNotContain(c => c.Id == question.QuestionId);
        (await app.Host.BoardAsync(owner, "?status=withdrawn")).ShouldContain(c => c.Id == question.QuestionId);
    }

    [Fact]
    public async Task Time_travel_shows_the_question_as_it_stood_then()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        await app.Host.ReformulateAsync(owner, question.QuestionId, expectedVersion: 1);
        // Time travel reads the store's own commit times, not the app's clock: a moment between the two commits.
        var between = await MomentBetweenAsync(question.QuestionId);

        var then = await app.Host.GetQuestionAsync(owner, question.QuestionId, between.ToString("O"));
        var now = await app.Host.GetQuestionAsync(owner, question.QuestionId);

        (then.Title, then.Version, then.Versions.Count, then.AsOf).ShouldBe(("Hoe geef ik betere woordenschatlessen?", 1L, 1, between));
        (now.Version, now.Versions.Count).ShouldBe((2L, 2));
    }

    [Fact]
    public async Task Time_travel_refuses_a_bad_moment_and_a_moment_before_the_question()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        var question = await app.Host.PostQuestionAsync(owner);

        var bad = await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/questions/{question.QuestionId}?at=gisteren");
            x.As(owner);
            x.StatusCodeShouldBe(400);
        });
        (await bad.ProblemAsync()).Errors!.Keys.ShouldBe(["at"]);
        await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/questions/{question.QuestionId}?at={Uri.EscapeDataString(before.ToString("O"))}");
            x.As(owner);
            x.StatusCodeShouldBe(404);
        });
    }

    /// <summary>A moment (to the microsecond the database keeps) between the stream's first and second event.</summary>
    private async Task<DateTimeOffset> MomentBetweenAsync(Guid questionId)
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(questionId, token: TestContext.Current.CancellationToken);
        var (first, second) = (events[0].Timestamp, events[1].Timestamp);
        var between = first + (second - first) / 2;
        return between.AddTicks(-(between.Ticks % 10));
    }
}
