using HetInitiatief.Coalitions;
using static HetInitiatief.Initiative.InitiativeRules;

namespace HetInitiatief.Initiative;

/// <summary>
/// The group agrees a trial (step 8): what is tried, until when, what to watch. One at a time.
/// </summary>
public sealed record AgreeTrial(string? What, DateOnly? Until, string? WatchFor);

public static class AgreeTrialEndpoint
{
    /// <summary>
    /// The initiator records the trial on the group's behalf, once the group is large enough and has an approach;
    /// a next trial only after the previous one was reviewed (refine, then try again).
    /// </summary>
    public static Problem? MayAgree(Coalition coalition, Guid memberId) =>
        MustBeUnderway(coalition)
        ?? MustBeInitiator(coalition, memberId, "een proef afspreken namens de groep")
        ?? MustBeLargeEnough(coalition)
        ?? (!coalition.Progress.HasApproach ? Problem.Conflict("Leg eerst samen de aanpak vast.")
            : coalition.Progress.TrialUnderway
                ? Problem.Conflict("Er loopt al een proef. Blik daar eerst op terug voor je een volgende afspreekt.")
                : null);

    public static Decision Decide(
        Coalition coalition, AgreeTrial command, Guid trialId, Guid memberId, DateTimeOffset now) =>
        new FieldRules()
            .Text("what", command.What, "wat jullie uitproberen", TextMax, min: 10)
            .Check(command.Until is { } until && until > Today(now), "until",
                "Kies tot wanneer jullie het uitproberen: een datum na vandaag.")
            .Text("watchFor", command.WatchFor, "waar jullie op letten", TextMax, min: 5)
            .Problem
        ?? MayAgree(coalition, memberId)
        ?? Decision.Accept(new TrialAgreed(coalition.Id, trialId, coalition.Progress.Trials.Count + 1, memberId,
            command.What!.Trim(), command.Until!.Value, command.WatchFor!.Trim(), now));

    [EndpointSummary("Agree a trial for the group (initiator): what, until when, what to watch. "
        + "409 while one is underway.")]
    [WolverinePost("/api/coalitions/{id}/trials")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Created<InitiativeWritten>> Post(
        Guid id, AgreeTrial command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await AgreeAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct))
            .Created(_ => $"/api/coalitions/{id}/timeline");

    public static async Task<Outcome<InitiativeWritten>> AgreeAsync(
        Guid coalitionId, AgreeTrial command, Guid memberId, IDocumentStore store, DateTimeOffset now,
        CancellationToken ct)
    {
        var trialId = Guid.CreateVersion7();
        return await InitiativeRules.WriteAsync(store, coalitionId,
            c => Decide(c, command, trialId, memberId, now), ct, trialId);
    }
}
