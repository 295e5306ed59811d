using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using HetInitiatief.Infrastructure;
using Marten;
using Wolverine.Http;

namespace HetInitiatief.Questions;

public static class WithdrawQuestionEndpoint
{
    public static Decision Decide(Question question, Guid memberId, DateTimeOffset now) =>
        QuestionRules.MustBeOwner(question, memberId, "de vraag intrekken")
        ?? QuestionRules.MustBeOpen(question)
        ?? Decision.Accept(new QuestionWithdrawn(question.Id, memberId, now));

    [Tags("Questions")]
    [EndpointSummary("Withdraw your question.")]
    [ProducesResponseType(typeof(QuestionWritten), 200)]
    [ProducesResponseType(typeof(HttpValidationProblemDetails), 401, "application/problem+json")]
    [ProducesResponseType(typeof(HttpValidationProblemDetails), 403, "application/problem+json")]
    [ProducesResponseType(typeof(HttpValidationProblemDetails), 404, "application/problem+json")]
    [ProducesResponseType(typeof(HttpValidationProblemDetails), 409, "application/problem+json")]
    [WolverinePost("/api/questions/{id}/withdraw")]
    public static async Task<IResult> Post(Guid id, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await WithdrawAsync(id, user.MemberId(), store, clock.GetUtcNow(), ct);
        return outcome.Problem?.ToResult() ?? Results.Ok(outcome.Value);
    }

    public static async Task<Outcome<QuestionWritten>> WithdrawAsync(Guid questionId, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        return (await EventStreams.DecideAsync<Question>(store, questionId, null,
            question => Decide(question, memberId, now), QuestionRules.NotFound, ct))
            .Map(written => new QuestionWritten(questionId, written.Version));
    }
}
