using System.Security.Claims;
using HetInitiatief.Coalitions;
using HetInitiatief.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace HetInitiatief.Questions;

public static class WithdrawQuestionEndpoint
{
    /// <summary>Withdrawing a question also closes its coalition, if it has an open one: nobody can join a group around a withdrawn question.</summary>
    public static Decision Decide(Question question, Coalition? coalition, Guid memberId, DateTimeOffset now) =>
        QuestionRules.MustBeOwner(question, memberId, "de vraag intrekken")
        ?? QuestionRules.MustBeOpen(question)
        ?? (coalition is { IsClosed: false }
            ? Decision.Accept(
                new QuestionWithdrawn(question.Id, memberId, now),
                new CoalitionClosed(coalition.Id, CoalitionClosed.QuestionWithdrawn, coalition.Partners, coalition.Threshold, now))
            : Decision.Accept(new QuestionWithdrawn(question.Id, memberId, now)));

    [Tags("Questions")]
    [EndpointSummary("Withdraw your question; its coalition, if any, closes with it.")]
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

    /// <summary>Both streams locked, coalition first (the same order as a handover), and written in one transaction.</summary>
    public static async Task<Outcome<QuestionWritten>> WithdrawAsync(Guid questionId, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var coalition = await session.Events.FetchForExclusiveWriting<Coalition>(Coalition.IdFor(questionId), ct);
        var question = await session.Events.FetchForExclusiveWriting<Question>(questionId, ct);
        if (question.Aggregate is null) return Problem.NotFound(QuestionRules.NotFound);

        var decision = Decide(question.Aggregate, coalition.Aggregate, memberId, now);
        if (decision.Refusal is { } refusal) return refusal;
        var questionEvents = decision.Events.Where(e => e is not CoalitionClosed).ToList();
        question.AppendMany(questionEvents);
        if (decision.Events.OfType<CoalitionClosed>().ToArray() is { Length: > 0 } closed) coalition.AppendMany(closed);
        await session.SaveChangesAsync(ct);
        return new QuestionWritten(questionId, (question.StartingVersion ?? 0) + questionEvents.Count);
    }
}
