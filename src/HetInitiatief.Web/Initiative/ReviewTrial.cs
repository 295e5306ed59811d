using HetInitiatief.Coalitions;
using static HetInitiatief.Initiative.InitiativeRules;

namespace HetInitiatief.Initiative;

/// <summary>The short review of a trial: what went well, and what the group does differently next time.</summary>
public sealed record ReviewTrial(string? WentWell, string? NextTime);

public static class ReviewTrialEndpoint
{
    /// <summary>
    /// The initiator or a partner reviews the trial underway, once someone shared what happened: a review
    /// without experiences would celebrate nothing.
    /// </summary>
    public static Problem? MayReview(Coalition coalition, Guid trialId, Guid memberId) =>
        MustBeUnderway(coalition)
        ?? MustCarry(coalition, memberId, "terugblikken op een proef")
        ?? (coalition.Progress.Trials.FirstOrDefault(t => t.Id == trialId) is not { } trial
            ? Problem.NotFound("Deze proef bestaat niet in deze coalitie.")
            : trial.Reviewed ? Problem.Conflict("Op deze proef is al teruggeblikt.")
            : trial.Experiences == 0
                ? Problem.Conflict("Deel eerst wat er gebeurde: terugblikken kan na de eerste ervaring.")
            : null);

    public static Decision Decide(
        Coalition coalition, Guid trialId, ReviewTrial command, Guid memberId, DateTimeOffset now) =>
        new FieldRules()
            .Text("wentWell", command.WentWell, "wat goed ging", TextMax, min: 5)
            .Text("nextTime", command.NextTime, "wat jullie volgende keer anders doen", TextMax, min: 5)
            .Problem
        ?? MayReview(coalition, trialId, memberId)
        ?? Decision.Accept(new TrialReviewed(coalition.Id, trialId, memberId, command.WentWell!.Trim(),
            command.NextTime!.Trim(), now));

    [EndpointSummary("Review a trial (initiator or partner): what went well, what next time. Opens the next round.")]
    [WolverinePost("/api/coalitions/{id}/trials/{trialId}/review")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Answer<InitiativeWritten>> Post(
        Guid id, Guid trialId, ReviewTrial command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await ReviewAsync(id, trialId, command, user.MemberId(), store, clock.GetUtcNow(), ct)).Answer();

    public static async Task<Outcome<InitiativeWritten>> ReviewAsync(
        Guid coalitionId, Guid trialId, ReviewTrial command, Guid memberId, IDocumentStore store, DateTimeOffset now,
        CancellationToken ct) =>
        await InitiativeRules.WriteAsync(store, coalitionId,
            c => Decide(c, trialId, command, memberId, now), ct, trialId);
}
