namespace HetInitiatief.Questions;

public sealed record AnswerFollowUp(string? Answer);

public static class AnswerFollowUpEndpoint
{
    public static Problem? CheckFields(AnswerFollowUp command) =>
        new FieldRules().Text("answer", command.Answer, "je antwoord", QuestionRules.AnswerMax).Problem;

    public static Decision Decide(Question question, Guid followUpId, AnswerFollowUp command, Guid memberId, DateTimeOffset now)
    {
        if ((CheckFields(command)
                ?? QuestionRules.MustBeOpenForOwner(question, memberId, "vervolgvragen beantwoorden")) is { } refused)
            return refused;
        if (!question.FollowUpsAnswered.TryGetValue(followUpId, out var answered))
            return Problem.NotFound("Deze vervolgvraag hoort niet bij deze vraag.");
        if (answered)
            return Problem.Conflict("Deze vervolgvraag is al beantwoord.", "answer");
        return Decision.Accept(new FollowUpAnswered(question.Id, followUpId, memberId, command.Answer!.Trim(), now));
    }

    [EndpointSummary("Answer a follow-up question on your own question, once.")]
    [WolverinePost("/api/questions/{id}/follow-ups/{followUpId}/answer")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Answer<QuestionWritten>> Post(
        Guid id, Guid followUpId, AnswerFollowUp command, ClaimsPrincipal user, IDocumentStore store,
        TimeProvider clock, CancellationToken ct)
    {
        var outcome = await AnswerAsync(id, followUpId, command, user.MemberId(), store, clock.GetUtcNow(), ct);
        return outcome.Answer();
    }

    public static async Task<Outcome<QuestionWritten>> AnswerAsync(
        Guid questionId, Guid followUpId, AnswerFollowUp command, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        return (await EventStreams.DecideAsync<Question>(store, questionId, null,
            question => Decide(question, followUpId, command, memberId, now), QuestionRules.NotFound, ct))
            .Map(written => new QuestionWritten(questionId, written.Version));
    }
}
