using HetInitiatief.Coalitions;
using static HetInitiatief.Initiative.InitiativeRules;

namespace HetInitiatief.Initiative;

/// <summary>When is the initiative done? Criteria the group agrees together (the seeds' closing step).</summary>
public sealed record ProposeCompletionCriteria(string? Criteria);

public static class CompletionCriteriaEndpoints
{
    /// <summary>
    /// Agreed when more than half of the partners (the initiator included) support them: a proposal by one
    /// person is not yet the group's agreement.
    /// </summary>
    public static bool AgreedBy(int supporters, int partners) => supporters * 2 > partners;

    public static Decision DecidePropose(
        Coalition coalition, ProposeCompletionCriteria command, Guid memberId, DateTimeOffset now)
    {
        if (new FieldRules().Text("criteria", command.Criteria, "wanneer het initiatief af is", TextMax, min: 10)
                .Problem is { } invalid)
            return invalid;
        if ((MustBeUnderway(coalition) ?? MustCarry(coalition, memberId, "afrondingscriteria voorstellen"))
            is { } refused)
            return refused;
        var criteria = command.Criteria!.Trim();
        var proposed = new CompletionCriteriaProposed(coalition.Id, memberId, criteria, now);
        return AgreedBy(1, coalition.Partners)
            ? Decision.Accept(proposed,
                new CompletionCriteriaAgreed(coalition.Id, criteria, 1, coalition.Partners, now))
            : Decision.Accept(proposed);
    }

    public static Problem? MaySupport(Coalition coalition, Guid memberId) =>
        MustBeUnderway(coalition)
        ?? MustCarry(coalition, memberId, "afrondingscriteria steunen")
        ?? (!coalition.Progress.CriteriaProposed
            ? Problem.Conflict("Er zijn nog geen afrondingscriteria voorgesteld.")
            : null);

    /// <summary>Supporting twice changes nothing; the support that tips the balance records the agreement.</summary>
    public static Decision DecideSupport(Coalition coalition, string criteria, Guid memberId, DateTimeOffset now)
    {
        if (MaySupport(coalition, memberId) is { } refused) return refused;
        var cycle = coalition.Progress;
        if (cycle.CriteriaSupporters.Contains(memberId)) return Decision.Accept();
        var supporters = cycle.CriteriaSupporters.Count(coalition.Members.ContainsKey) + 1;
        var supported = new CompletionCriteriaSupported(coalition.Id, memberId, now);
        return !cycle.CriteriaAgreed && AgreedBy(supporters, coalition.Partners)
            ? Decision.Accept(supported,
                new CompletionCriteriaAgreed(coalition.Id, criteria, supporters, coalition.Partners, now))
            : Decision.Accept(supported);
    }

    [EndpointSummary("Propose completion criteria (initiator or partner); earlier support lapses. "
        + "Agreed by a majority.")]
    [WolverinePost("/api/coalitions/{id}/completion-criteria")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Created<InitiativeWritten>> Propose(
        Guid id, ProposeCompletionCriteria command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await ProposeAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct))
            .Created(_ => $"/api/coalitions/{id}/timeline");

    [EndpointSummary("Support the proposed completion criteria (initiator or partner). Twice changes nothing.")]
    [WolverinePost("/api/coalitions/{id}/completion-criteria/support")]
    [Refuses(403, 404, 409)]
    public static async Task<Answer<InitiativeWritten>> Support(
        Guid id, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await SupportAsync(id, user.MemberId(), store, clock.GetUtcNow(), ct)).Answer();

    public static async Task<Outcome<InitiativeWritten>> ProposeAsync(
        Guid coalitionId, ProposeCompletionCriteria command, Guid memberId, IDocumentStore store, DateTimeOffset now,
        CancellationToken ct) =>
        await InitiativeRules.WriteAsync(store, coalitionId,
            c => DecidePropose(c, command, memberId, now), ct);

    public static async Task<Outcome<InitiativeWritten>> SupportAsync(
        Guid coalitionId, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        // The criteria's text is carried into the agreement, so the milestone reads on its own.
        await using var query = store.QuerySession();
        var criteria = (await query.LoadAsync<InitiativeTimeline>(coalitionId, ct))?.Criteria?.Text ?? "";
        return await InitiativeRules.WriteAsync(store, coalitionId,
            c => DecideSupport(c, criteria, memberId, now), ct);
    }
}
