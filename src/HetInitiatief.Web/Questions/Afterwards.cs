using HetInitiatief.Members;

namespace HetInitiatief.Questions;

public sealed record RecordGoalOutcome(bool? Reached);

public sealed record PublishSuccessStory(string? Story);

public sealed record SuccessStoryView(Guid QuestionId, string QuestionTitle, Person By, string Story, DateTimeOffset At);

/// <summary>Afterwards: was the goal reached, and what success is there to celebrate?</summary>
public static class AfterwardsEndpoints
{
    public const int StoryMax = 1500;

    public static Decision DecideOutcome(Question question, RecordGoalOutcome command, Guid memberId, DateTimeOffset now) =>
        QuestionRules.MustBeOwner(question, memberId, "vastleggen of het doel bereikt is")
        ?? (command.Reached is { } reached
            ? Decision.Accept(new GoalOutcomeRecorded(question.Id, memberId, reached, now))
            : Problem.Invalid("reached", "Zeg of het doel bereikt is: true of false."));

    public static Decision DecideStory(Question question, PublishSuccessStory command, Guid storyId, Guid memberId, DateTimeOffset now) =>
        new FieldRules().Text("story", command.Story, "je succesverhaal", StoryMax, min: 20).Problem
        ?? QuestionRules.MustBeOwner(question, memberId, "een succesverhaal publiceren")
        ?? Decision.Accept(new SuccessStoryPublished(question.Id, storyId, memberId, command.Story!.Trim(), now));

    [EndpointSummary("Record whether the goal was reached (owner only).")]
    [WolverinePut("/api/questions/{id}/goal-outcome")]
    [Refuses(400, 403, 404)]
    public static async Task<Answer<QuestionWritten>> Outcome(
        Guid id, RecordGoalOutcome command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await RecordOutcomeAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct)).Answer();

    public static async Task<Outcome<QuestionWritten>> RecordOutcomeAsync(
        Guid questionId, RecordGoalOutcome command, Guid memberId, IDocumentStore store, DateTimeOffset now,
            CancellationToken ct) =>
        (await EventStreams.DecideAsync<Question>(store, questionId, null,
            q => DecideOutcome(q, command, memberId, now), QuestionRules.NotFound, ct))
            .Map(written => new QuestionWritten(questionId, written.Version));

    [EndpointSummary("Publish a short success story (owner only); it shows on the question page and the home page.")]
    [WolverinePost("/api/questions/{id}/success-stories")]
    [Refuses(400, 403, 404)]
    public static async Task<Created<QuestionWritten>> Story(
        Guid id, PublishSuccessStory command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await PublishStoryAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct))
            .Created(_ => $"/api/questions/{id}");

    public static async Task<Outcome<QuestionWritten>> PublishStoryAsync(
        Guid questionId, PublishSuccessStory command, Guid memberId, IDocumentStore store, DateTimeOffset now,
            CancellationToken ct)
    {
        var storyId = Guid.CreateVersion7();
        return (await EventStreams.DecideAsync<Question>(store, questionId, null,
                q => DecideStory(q, command, storyId, memberId, now), QuestionRules.NotFound, ct))
            .Map(written => new QuestionWritten(questionId, written.Version));
    }

    [EndpointSummary("The latest success stories, for the home page.")]
    [WolverineGet("/api/success-stories")]
    public static async Task<Answer<IReadOnlyList<SuccessStoryView>>> Latest(
        IQuerySession session, CancellationToken ct) =>
        Answer.Of(await LatestAsync(session, 6, ct));

    public static async Task<IReadOnlyList<SuccessStoryView>> LatestAsync(IQuerySession session, int count, CancellationToken ct)
    {
        var questions = await session.Query<QuestionDetails>().Where(q => q.LastStoryAt != null)
            .OrderByDescending(q => q.LastStoryAt).Take(count).ToListAsync(ct);
        var stories = questions.SelectMany(q => q.Stories!.Select(s => (Question: q, Story: s))).OrderByDescending(x => x.Story.At).Take(count).ToList();
        var names = await MemberProfile.NamesAsync(session, stories.Select(s => s.Story.By), ct);
        return stories.Select(s => new SuccessStoryView(s.Question.Id, s.Question.Title,
            Person.Of(s.Story.By, names), s.Story.Text, s.Story.At)).ToList();
    }
}
