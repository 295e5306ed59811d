namespace HetInitiatief.Questions;

/// <summary>
/// The owner rewrites the question: the question behind the question. <c>ExpectedVersion</c> is the
/// question's version the owner was looking at; if the question moved since, the rewrite is refused
/// rather than silently overwriting what the owner has not seen.
/// </summary>
public sealed record ReformulateQuestion(string? Title, string? Context, long? ExpectedVersion);

public static class ReformulateQuestionEndpoint
{
    public static Problem? CheckFields(ReformulateQuestion command) =>
        new FieldRules()
            .Text("title", command.Title, "je vraag in één zin", QuestionRules.TitleMax, min: 5)
            .Text("context", command.Context, "de nieuwe formulering", QuestionRules.ContextMax)
            .Check(command.ExpectedVersion is > 0, "expectedVersion", "Geef de versie van de vraag mee waarop je herformulering is gebaseerd.")
            .Problem;

    public static Decision Decide(Question question, ReformulateQuestion command, Guid memberId, DateTimeOffset now) =>
        CheckFields(command)
        ?? QuestionRules.MustBeOpenForOwner(question, memberId, "de vraag herformuleren")
        ?? Decision.Accept(new QuestionReformulated(
            question.Id, memberId, question.FormulationVersion + 1, command.Title!.Trim(), command.Context!.Trim(), now));

    [EndpointSummary("Reformulate your question; expectedVersion is the question version it is based on (409 when stale).")]
    [WolverinePost("/api/questions/{id}/reformulations")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Created<QuestionWritten>> Post(
        Guid id, ReformulateQuestion command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await ReformulateAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct))
            .Created(_ => $"/api/questions/{id}");

    public static async Task<Outcome<QuestionWritten>> ReformulateAsync(
        Guid questionId, ReformulateQuestion command, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        if (CheckFields(command) is { } invalid) return invalid;
        return (await EventStreams.DecideAsync<Question>(store, questionId, command.ExpectedVersion,
            question => Decide(question, command, memberId, now), QuestionRules.NotFound, ct))
            .Map(written => new QuestionWritten(questionId, written.Version));
    }
}
