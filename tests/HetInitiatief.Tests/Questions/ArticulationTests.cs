using Alba;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Questions;

/// <summary>Reformulating, the goal, withdrawing and time travel: the articulation of a question.</summary>
public sealed class ArticulationTests(AppFixture app)
{
    private static object Reformulation(long expectedVersion, string title = "Hoe leer ik groep 5 woorden die blijven hangen?") =>
        new { title, context = "Het gaat om woorden uit de zaakvakken, niet om een algemene cursus.", expectedVersion };

    [Fact]
    public async Task The_history_keeps_every_version_and_the_answers_before_it()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var followUp = await app.Host.AskFollowUpAsync(colleague, question.QuestionId);
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { answer = "Uit de zaakvakken." }).ToUrl($"/api/questions/{question.QuestionId}/follow-ups/{followUp.FollowUpId}/answer");
            x.As(owner);
        });

        await app.Host.Scenario(x =>
        {
            x.Post.Json(Reformulation(3)).ToUrl($"/api/questions/{question.QuestionId}/reformulations");
            x.As(owner);
            x.StatusCodeShouldBe(201);
        });

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

        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(Reformulation(1)).ToUrl($"/api/questions/{question.QuestionId}/reformulations");
            x.As(owner);
            x.StatusCodeShouldBe(409);
        });

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
            var result = await app.Host.Scenario(x =>
            {
                x.Post.Json(Reformulation(1, $"Herformulering nummer {i}")).ToUrl($"/api/questions/{question.QuestionId}/reformulations");
                x.As(owner);
                x.IgnoreStatusCode();
            });
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

        await app.Host.Scenario(x =>
        {
            x.Post.Json(Reformulation(1)).ToUrl($"/api/questions/{question.QuestionId}/reformulations");
            x.As(colleague);
            x.StatusCodeShouldBe(403);
        });
        await app.Host.Scenario(x =>
        {
            x.Put.Json(new { goal = "In zes weken kan deze groep een woordenschatles geven." }).ToUrl($"/api/questions/{question.QuestionId}/goal");
            x.As(colleague);
            x.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task The_owner_states_a_goal()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);

        await app.Host.Scenario(x =>
        {
            x.Put.Json(new { goal = "In zes weken kan deze groep een woordenschatles geven." }).ToUrl($"/api/questions/{question.QuestionId}/goal");
            x.As(owner);
        });

        (await app.Host.GetQuestionAsync(owner, question.QuestionId)).Goal.ShouldBe("In zes weken kan deze groep een woordenschatles geven.");
    }

    [Fact]
    public async Task A_withdrawn_question_leaves_the_board_and_takes_no_more_follow_ups()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);

        await app.Host.Scenario(x => { x.Post.Url($"/api/questions/{question.QuestionId}/withdraw"); x.As(colleague); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Url($"/api/questions/{question.QuestionId}/withdraw"); x.As(owner); });
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { text = "Nog een vraag?" }).ToUrl($"/api/questions/{question.QuestionId}/follow-ups");
            x.As(colleague);
            x.StatusCodeShouldBe(409);
        });

        (await app.Host.GetQuestionAsync(owner, question.QuestionId)).Status.ShouldBe("withdrawn");
        (await BoardAsync(owner, "")).ShouldNotContain(c => c.Id == question.QuestionId);
        (await BoardAsync(owner, "?status=withdrawn")).ShouldContain(c => c.Id == question.QuestionId);
    }

    [Fact]
    public async Task Time_travel_shows_the_question_as_it_stood_then()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        await Task.Delay(300);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(300);
        await app.Host.Scenario(x =>
        {
            x.Post.Json(Reformulation(1)).ToUrl($"/api/questions/{question.QuestionId}/reformulations");
            x.As(owner);
            x.StatusCodeShouldBe(201);
        });

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

    private async Task<IReadOnlyList<BoardCard>> BoardAsync(TestMember member, string query)
    {
        var result = await app.Host.Scenario(x => { x.Get.Url($"/api/questions{query}"); x.As(member); });
        return (await result.ReadAsJsonAsync<BoardPage>())!.Questions;
    }
}
