using HetInitiatief.Coalitions;
using static HetInitiatief.Initiative.InitiativeRules;

namespace HetInitiatief.Initiative;

/// <summary>
/// Participants formulate the shared goal together: a partner proposes a revision of the approach, the initiator
/// adopts it. Nothing changes until adopted.
/// </summary>
public sealed record ProposeApproachRevision(string? What, string? ForWhom, string? Goal, DateOnly? TargetDate);

public static class ApproachRevisionEndpoints
{
    public static Problem? MayPropose(Coalition coalition, Guid memberId) =>
        MustBeUnderway(coalition)
        ?? (coalition.Members.GetValueOrDefault(memberId) != Positions.Partner
            ? Problem.Forbidden("Een partner stelt een wijziging van de aanpak voor; "
                + "de initiatiefnemer past de aanpak zelf aan.")
            : !coalition.Progress.HasApproach
                ? Problem.Conflict("Er is nog geen aanpak om te wijzigen. Vraag de initiatiefnemer die vast te leggen.")
                : null);

    public static Decision DecidePropose(
        Coalition coalition, ProposeApproachRevision command, Guid revisionId, Guid memberId, DateTimeOffset now) =>
        RecordApproachEndpoint.CheckFields(command.What, command.ForWhom, command.Goal, command.TargetDate, now)
        ?? MayPropose(coalition, memberId)
        ?? Decision.Accept(new ApproachRevisionProposed(coalition.Id, revisionId, coalition.Progress.ApproachVersion,
            memberId, command.What!.Trim(), command.ForWhom!.Trim(), command.Goal!.Trim(), command.TargetDate, now));

    public static Decision DecideAdopt(Coalition coalition, Guid revisionId, Guid memberId, DateTimeOffset now) =>
        MustBeUnderway(coalition)
        ?? MustBeInitiator(coalition, memberId, "een voorgestelde wijziging van de aanpak overnemen")
        ?? (!coalition.Progress.PendingRevisions.Contains(revisionId)
            ? Problem.NotFound("Deze voorgestelde wijziging bestaat niet (meer).")
            : Decision.Accept(new ApproachRevisionAdopted(coalition.Id, revisionId,
                coalition.Progress.ApproachVersion + 1, memberId, now)));

    [EndpointSummary("Propose a revision of the shared approach (partners); the initiator adopts it or not.")]
    [WolverinePost("/api/coalitions/{id}/approach/revisions")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Created<InitiativeWritten>> Propose(
        Guid id, ProposeApproachRevision command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await ProposeAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct))
            .Created(_ => $"/api/coalitions/{id}/timeline");

    [EndpointSummary("Adopt a proposed revision of the approach (initiator): it becomes the approach's next version.")]
    [WolverinePost("/api/coalitions/{id}/approach/revisions/{revisionId}/adopt")]
    [Refuses(403, 404, 409)]
    public static async Task<Answer<InitiativeWritten>> Adopt(
        Guid id, Guid revisionId, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await AdoptAsync(id, revisionId, user.MemberId(), store, clock.GetUtcNow(), ct)).Answer();

    public static async Task<Outcome<InitiativeWritten>> ProposeAsync(Guid coalitionId, ProposeApproachRevision command,
        Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        var revisionId = Guid.CreateVersion7();
        return await InitiativeRules.WriteAsync(store, coalitionId,
            c => DecidePropose(c, command, revisionId, memberId, now), ct, revisionId);
    }

    public static async Task<Outcome<InitiativeWritten>> AdoptAsync(Guid coalitionId, Guid revisionId, Guid memberId,
        IDocumentStore store, DateTimeOffset now, CancellationToken ct) =>
        await InitiativeRules.WriteAsync(store, coalitionId,
            c => DecideAdopt(c, revisionId, memberId, now), ct, revisionId);
}
