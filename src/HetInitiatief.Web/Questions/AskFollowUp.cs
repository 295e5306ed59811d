namespace HetInitiatief.Questions;

/// <summary>Doorvragen: a colleague probes the question before anyone proposes a solution.</summary>
public sealed record AskFollowUp(string? Text);

public sealed record FollowUpWritten(Guid QuestionId, Guid FollowUpId, long Version);

public static class AskFollowUpEndpoint
{
    public static Problem? CheckFields(AskFollowUp command) =>
        new FieldRules().Text("text", command.Text, "je vervolgvraag", QuestionRules.FollowUpMax, min: 3).Problem;

    public static Decision Decide(Question question, AskFollowUp command, Guid followUpId, Guid memberId, DateTimeOffset now) =>
        CheckFields(command)
        ?? MayAsk(question, memberId)
        ?? Decision.Accept(new FollowUpAsked(question.Id, followUpId, memberId, command.Text!.Trim(), now));

    /// <summary>Colleagues probe an open question; the owner reformulates. The page asks it too.</summary>
    public static Problem? MayAsk(Question question, Guid memberId) =>
        QuestionRules.MustBeOpen(question)
        ?? (question.OwnerId == memberId
            ? Problem.Forbidden("Je kunt geen vervolgvraag stellen op je eigen vraag; dat doen je collega's. Je kunt je vraag wel herformuleren.")
            : null);

    [EndpointSummary("Ask the owner a follow-up question (doorvragen). Not on your own question.")]
    [WolverinePost("/api/questions/{id}/follow-ups")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Created<FollowUpWritten>> Post(
        Guid id, AskFollowUp command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await AskAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct))
            .Created(written => $"/api/questions/{id}#follow-up-{written.FollowUpId}");

    public static async Task<Outcome<FollowUpWritten>> AskAsync(
        Guid questionId, AskFollowUp command, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        var followUpId = Guid.CreateVersion7();
        return (await EventStreams.DecideAsync<Question>(store, questionId, null,
            question => Decide(question, command, followUpId, memberId, now), QuestionRules.NotFound, ct))
            .Map(written => new FollowUpWritten(questionId, followUpId, written.Version));
    }
}
