using HetInitiatief.Coalitions;
using static HetInitiatief.Initiative.InitiativeRules;

namespace HetInitiatief.Initiative;

/// <summary>
/// The approach the group agrees (step 4 of the seeds' plan): what it will try, for whom, its goal and a target
/// date. <c>ExpectedVersion</c> is the approach version the initiator was looking at (0 before the first), so a
/// revision made meanwhile is never silently overwritten — like a question's reformulation.
/// </summary>
public sealed record RecordApproach(
    string? What, string? ForWhom, string? Goal, DateOnly? TargetDate, int? ExpectedVersion);

public static class RecordApproachEndpoint
{
    public static Problem? CheckFields(
        string? what, string? forWhom, string? goal, DateOnly? targetDate, DateTimeOffset now) =>
        new FieldRules()
            .Text("what", what, "wat jullie gaan proberen", TextMax, min: 10)
            .Text("forWhom", forWhom, "voor wie", 300, min: 3)
            .Text("goal", goal, "het doel", TextMax, min: 10)
            .Check(targetDate is not { } date || date > Today(now), "targetDate", "Kies een streefdatum na vandaag.")
            .Problem;

    /// <summary>Only the initiator writes the approach directly; partners propose a revision instead.</summary>
    public static Problem? MayRecord(Coalition coalition, Guid memberId) =>
        MustBeUnderway(coalition) ?? MustBeInitiator(coalition, memberId, "de aanpak vastleggen");

    public static Decision Decide(Coalition coalition, RecordApproach command, Guid memberId, DateTimeOffset now) =>
        CheckFields(command.What, command.ForWhom, command.Goal, command.TargetDate, now)
        ?? new FieldRules().Check(command.ExpectedVersion is >= 0, "expectedVersion",
            "Geef de versie van de aanpak mee waarop je wijziging is gebaseerd (0 voor de eerste).").Problem
        ?? MayRecord(coalition, memberId)
        ?? (command.ExpectedVersion != coalition.Progress.ApproachVersion
            ? Problem.Conflict("De aanpak is intussen gewijzigd. Bekijk de nieuwste versie en probeer het opnieuw; "
                + "je tekst is bewaard.", "expectedVersion")
            : Decision.Accept(new ApproachRecorded(coalition.Id, coalition.Progress.ApproachVersion + 1, memberId,
                command.What!.Trim(), command.ForWhom!.Trim(), command.Goal!.Trim(), command.TargetDate, now)));

    [EndpointSummary("Record or revise the group's approach (initiator); expectedVersion is the approach version "
        + "it is based on, 0 for the first (409 when stale).")]
    [WolverinePut("/api/coalitions/{id}/approach")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Answer<InitiativeWritten>> Put(
        Guid id, RecordApproach command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await RecordAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct)).Answer();

    public static async Task<Outcome<InitiativeWritten>> RecordAsync(
        Guid coalitionId, RecordApproach command, Guid memberId, IDocumentStore store, DateTimeOffset now,
        CancellationToken ct) =>
        await InitiativeRules.WriteAsync(store, coalitionId,
            c => Decide(c, command, memberId, now), ct);
}
