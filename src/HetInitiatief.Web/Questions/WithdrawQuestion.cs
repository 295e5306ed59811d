using HetInitiatief.Coalitions;

namespace HetInitiatief.Questions;

public static class WithdrawQuestionEndpoint
{
    /// <summary>
    /// Withdrawing a question also closes its coalition, if it has an open one: nobody can join a group around a
    /// withdrawn question. The coalition is the first stream (it is locked first), the question the second.
    /// </summary>
    public static TwoStreamDecision Decide(Question question, Coalition? coalition, Guid memberId, DateTimeOffset now)
    {
        var refused = QuestionRules.MustBeOwner(question, memberId, "de vraag intrekken")
            ?? QuestionRules.MustBeOpen(question);
        if (refused is not null) return refused;
        var withdrawn = TwoStreamDecision.Nothing.OnSecond(new QuestionWithdrawn(question.Id, memberId, now));
        return coalition is { IsClosed: false }
            ? withdrawn.OnFirst(new CoalitionClosed(coalition.Id, CoalitionClosed.QuestionWithdrawn,
                coalition.Partners, coalition.Threshold, now))
            : withdrawn;
    }

    [EndpointSummary("Withdraw your question; its coalition, if any, closes with it.")]
    [WolverinePost("/api/questions/{id}/withdraw")]
    [Refuses(403, 404, 409)]
    public static async Task<Answer<QuestionWritten>> Post(
        Guid id, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await WithdrawAsync(id, user.MemberId(), store, clock.GetUtcNow(), ct);
        return outcome.Answer();
    }

    /// <summary>The coalition (if any) and the question, written in one transaction.</summary>
    public static async Task<Outcome<QuestionWritten>> WithdrawAsync(Guid questionId, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct) =>
        (await EventStreams.DecideAsync<Coalition, Question>(store, Coalition.IdFor(questionId), questionId,
            (coalition, question) => question is null
                ? Problem.NotFound(QuestionRules.NotFound)
                : Decide(question, coalition, memberId, now), ct))
        .Map(written => new QuestionWritten(questionId, written.Second.Version));
}
