namespace HetInitiatief.Questions;

/// <summary>A shared goal that describes the new practice recognisably: "in zes weken kan deze groep…".</summary>
public sealed record SetGoal(string? Goal);

public static class SetGoalEndpoint
{
    public static Problem? CheckFields(SetGoal command) =>
        new FieldRules().Text("goal", command.Goal, "het doel", QuestionRules.GoalMax, min: 10).Problem;

    public static Decision Decide(Question question, SetGoal command, Guid memberId, DateTimeOffset now) =>
        CheckFields(command)
        ?? QuestionRules.MustBeOpenForOwner(question, memberId, "het doel vastleggen")
        ?? Decision.Accept(new GoalSet(question.Id, memberId, command.Goal!.Trim(), now));

    [EndpointSummary("State the goal that describes the new practice.")]
    [WolverinePut("/api/questions/{id}/goal")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Answer<QuestionWritten>> Put(
        Guid id, SetGoal command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await SetAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct);
        return outcome.Answer();
    }

    public static async Task<Outcome<QuestionWritten>> SetAsync(
        Guid questionId, SetGoal command, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        return (await EventStreams.DecideAsync<Question>(store, questionId, null,
            question => Decide(question, command, memberId, now), QuestionRules.NotFound, ct))
            .Map(written => new QuestionWritten(questionId, written.Version));
    }
}
