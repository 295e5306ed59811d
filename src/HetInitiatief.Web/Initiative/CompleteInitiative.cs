using HetInitiatief.Coalitions;
using static HetInitiatief.Initiative.InitiativeRules;

namespace HetInitiatief.Initiative;

/// <summary>The group reached what it agreed: the initiative is completed, and the success celebrated.</summary>
public sealed record CompleteInitiative(string? Celebration);

public static class CompleteInitiativeEndpoint
{
    public const int CelebrationMax = 1500;

    /// <summary>
    /// The initiator completes, only against criteria the group agreed and after at least one reviewed trial, and
    /// not in the middle of a trial nobody looked back on yet.
    /// </summary>
    public static Problem? MayComplete(Coalition coalition, Guid memberId) =>
        MustBeUnderway(coalition)
        ?? MustBeInitiator(coalition, memberId, "het initiatief afronden")
        ?? (!coalition.Progress.CriteriaAgreed
            ? Problem.Conflict("Spreek eerst samen af wanneer het initiatief af is: "
                + "de afrondingscriteria zijn nog niet afgesproken.")
            : coalition.Progress.ReviewedTrials == 0
                ? Problem.Conflict("Afronden kan na minstens één proef waarop jullie hebben teruggeblikt.")
            : coalition.Progress.TrialUnderway
                ? Problem.Conflict("Er loopt nog een proef. Blik daar eerst op terug.")
            : null);

    public static Decision Decide(Coalition coalition, CompleteInitiative command, Guid memberId, DateTimeOffset now) =>
        new FieldRules()
            .Text("celebration", command.Celebration, "wat jullie bereikt hebben", CelebrationMax, min: 10)
            .Problem
        ?? MayComplete(coalition, memberId)
        ?? Decision.Accept(new InitiativeCompleted(coalition.Id, coalition.QuestionId, memberId,
            command.Celebration!.Trim(), now));

    [EndpointSummary("Complete the initiative (initiator): needs agreed completion criteria and a reviewed trial.")]
    [WolverinePost("/api/coalitions/{id}/completion")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Answer<InitiativeWritten>> Post(
        Guid id, CompleteInitiative command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await CompleteAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct)).Answer();

    public static async Task<Outcome<InitiativeWritten>> CompleteAsync(Guid coalitionId, CompleteInitiative command,
        Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct) =>
        await InitiativeRules.WriteAsync(store, coalitionId,
            c => Decide(c, command, memberId, now), ct);
}
