using Alba;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;

// The steps live in the tests' root namespace, so every feature's tests read them without a using.
namespace HetInitiatief.Tests;

/// <summary>Given/when steps for questions: a question to post, posted, asked about, read.</summary>
public static class QuestionSteps
{
    public static object AQuestion(string title = "Hoe geef ik betere woordenschatlessen?", params string[] themes) => new
    {
        title,
        context = "Mijn leerlingen in groep 5 onthouden nieuwe woorden slecht, ook na herhaling.",
        whyMine = "Ik zie dat begrijpend lezen in mijn klas achterblijft.",
        alreadyKnown = "Ik werk met de viertakt van Verhallen.",
        themes = themes.Length == 0 ? ["taal-en-lezen"] : themes,
        sector = "po",
    };

    /// <summary>
    /// A question in words no other test uses, so the makelfunctie finds no similar question for it and tells no other
    /// test's members of it: for tests that count exactly what one member receives.
    /// </summary>
    public static object AUniqueQuestion(params string[] themes)
    {
        static string Word() => "w" + Guid.NewGuid().ToString("N")[..10];
        return new
        {
            title = $"Hoe pak ik {Word()} aan?",
            context = $"{Word()} {Word()} {Word()} {Word()} {Word()}.",
            whyMine = $"{Word()} {Word()} {Word()}.",
            alreadyKnown = $"{Word()} {Word()}.",
            themes = themes.Length == 0 ? ["taal-en-lezen"] : themes,
            sector = "po",
        };
    }

    public static async Task<QuestionWritten> PostQuestionAsync(this IAlbaHost host, TestMember owner, object? question = null)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(question ?? AQuestion()).ToUrl("/api/questions");
            x.As(owner);
            x.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<QuestionWritten>())!;
    }

    public static async Task<FollowUpWritten> AskFollowUpAsync(this IAlbaHost host, TestMember asker, Guid questionId, string text = "Welke woorden kies je nu zelf uit?")
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(new { text }).ToUrl($"/api/questions/{questionId}/follow-ups");
            x.As(asker);
            x.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<FollowUpWritten>())!;
    }

    /// <summary>A follow-up question that is refused (a withdrawn question, the owner asking, …).</summary>
    public static Task<IScenarioResult> AskFollowUpRefusedAsync(
        this IAlbaHost host, TestMember asker, Guid questionId, int status,
            string text = "Welke woorden kies je nu zelf uit?") =>
        host.Scenario(x =>
        {
            x.Post.Json(new AskFollowUp(text)).ToUrl($"/api/questions/{questionId}/follow-ups");
            x.As(asker);
            x.StatusCodeShouldBe(status);
        });

    public static async Task<QuestionView> GetQuestionAsync(this IAlbaHost host, TestMember viewer, Guid questionId, string? at = null)
    {
        var result = await host.Scenario(x =>
        {
            x.Get.Url(at is null ? $"/api/questions/{questionId}" : $"/api/questions/{questionId}?at={Uri.EscapeDataString(at)}");
            x.As(viewer);
        });
        return (await result.ReadAsJsonAsync<QuestionView>())!;
    }

    /// <summary>The member follows the question, to hear of what happens to it.</summary>
    public static Task<IScenarioResult> FollowAsync(this IAlbaHost host, TestMember member, Guid questionId, int status = 201) =>
        host.Scenario(x =>
        {
            x.Post.Url($"/api/questions/{questionId}/followers");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>Afterwards, the owner says whether the question's goal was reached.</summary>
    public static Task<IScenarioResult> RecordGoalOutcomeAsync(
        this IAlbaHost host, TestMember member, Guid questionId, bool reached, int status = 200) =>
        host.Scenario(x =>
        {
            x.Put.Json(new RecordGoalOutcome(reached)).ToUrl($"/api/questions/{questionId}/goal-outcome");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>The owner tells the network how it went, to be celebrated.</summary>
    public static Task<IScenarioResult> ShareSuccessStoryAsync(
        this IAlbaHost host, TestMember member, Guid questionId, string story, int status = 201) =>
        host.Scenario(x =>
        {
            x.Post.Json(new PublishSuccessStory(story)).ToUrl($"/api/questions/{questionId}/success-stories");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    public static async Task<List<SuccessStoryView>> SuccessStoriesAsync(this IAlbaHost host, TestMember viewer)
    {
        var result = await host.Scenario(x => { x.Get.Url("/api/success-stories"); x.As(viewer); });
        return (await result.ReadAsJsonAsync<List<SuccessStoryView>>())!;
    }

    /// <summary>The owner answers a colleague's follow-up question.</summary>
    public static Task<IScenarioResult> AnswerFollowUpAsync(this IAlbaHost host, TestMember owner, Guid questionId,
        Guid followUpId,
        string answer = "Uit de zaakvakken.", int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Json(new AnswerFollowUp(answer))
                .ToUrl($"/api/questions/{questionId}/follow-ups/{followUpId}/answer");
            x.As(owner);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>
    /// The owner says what the question became, based on the version they read; <paramref name="status"/> null for a
    /// test that counts the answers of many at once.
    /// </summary>
    public static Task<IScenarioResult> ReformulateAsync(this IAlbaHost host, TestMember member, Guid questionId,
        long expectedVersion, string title = "Hoe leer ik groep 5 woorden die blijven hangen?", int? status = 201,
        string context = "Het gaat om woorden uit de zaakvakken, niet om een algemene cursus.") =>
        host.Scenario(x =>
        {
            x.Post.Json(new ReformulateQuestion(title, context, expectedVersion))
                .ToUrl($"/api/questions/{questionId}/reformulations");
            x.As(member);
            if (status is { } expected) x.StatusCodeShouldBe(expected);
            else x.IgnoreStatusCode();
        });

    public static Task<IScenarioResult> SetGoalAsync(this IAlbaHost host, TestMember member, Guid questionId,
        string goal = "In zes weken kan deze groep een woordenschatles geven.", int status = 200) =>
        host.Scenario(x =>
        {
            x.Put.Json(new SetGoal(goal)).ToUrl($"/api/questions/{questionId}/goal");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    public static Task<IScenarioResult> WithdrawAsync(this IAlbaHost host, TestMember member, Guid questionId,
        int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Url($"/api/questions/{questionId}/withdraw");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>The board of questions as the member sees it, with a query such as <c>?status=withdrawn</c>.</summary>
    public static async Task<IReadOnlyList<BoardCard>> BoardAsync(this IAlbaHost host, TestMember viewer,
        string query = "")
    {
        var result = await host.Scenario(x => { x.Get.Url($"/api/questions{query}"); x.As(viewer); });
        return (await result.ReadAsJsonAsync<BoardPage>())!.Questions;
    }

    /// <summary>A school leader backs the question of a member of their school.</summary>
    public static Task<IScenarioResult> EndorseQuestionAsync(this IAlbaHost host, TestMember leader, Guid questionId,
        int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Url($"/api/questions/{questionId}/endorsements");
            x.As(leader);
            x.StatusCodeShouldBe(status);
        });

    public static Task<IScenarioResult> WithdrawEndorsementAsync(
        this IAlbaHost host, TestMember leader, Guid questionId, int status = 200) =>
        host.Scenario(x =>
        {
            x.Delete.Url($"/api/questions/{questionId}/endorsements/me");
            x.As(leader);
            x.StatusCodeShouldBe(status);
        });

    public static Task<IScenarioResult> UnfollowAsync(this IAlbaHost host, TestMember member, Guid questionId) =>
        host.Scenario(x => { x.Delete.Url($"/api/questions/{questionId}/followers/me"); x.As(member); });

    /// <summary>Who follows the question, as its owner sees it.</summary>
    public static async Task<FollowersView> FollowersAsync(this IAlbaHost host, TestMember viewer, Guid questionId)
    {
        var result = await host.Scenario(x => { x.Get.Url($"/api/questions/{questionId}/followers"); x.As(viewer); });
        return (await result.ReadAsJsonAsync<FollowersView>())!;
    }

    /// <summary>Questions like a posted one, as the viewer is shown them.</summary>
    public static async Task<List<SimilarQuestion>> SimilarToAsync(this IAlbaHost host, TestMember viewer,
        Guid questionId)
    {
        var result = await host.Scenario(x => { x.Get.Url($"/api/questions/{questionId}/similar"); x.As(viewer); });
        return (await result.ReadAsJsonAsync<List<SimilarQuestion>>())!;
    }

    /// <summary>Questions like a draft still being written (a query such as <c>?text=…&amp;themes=…</c>).</summary>
    public static async Task<List<SimilarQuestion>> SimilarToDraftAsync(this IAlbaHost host, TestMember viewer,
        string query)
    {
        var result = await host.Scenario(x => { x.Get.Url($"/api/questions/similar{query}"); x.As(viewer); });
        return (await result.ReadAsJsonAsync<List<SimilarQuestion>>())!;
    }

    /// <summary>The owner links another question to theirs.</summary>
    public static Task<IScenarioResult> LinkAsync(this IAlbaHost host, TestMember owner, Guid questionId,
        Guid toQuestionId, int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Json(new LinkQuestion(toQuestionId)).ToUrl($"/api/questions/{questionId}/links");
            x.As(owner);
            x.StatusCodeShouldBe(status);
        });
}
