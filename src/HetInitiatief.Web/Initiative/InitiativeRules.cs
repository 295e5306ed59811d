using HetInitiatief.Coalitions;

namespace HetInitiatief.Initiative;

/// <summary>What a written step answers: the coalition, its stream version, and the id of what it made.</summary>
public sealed record InitiativeWritten(Guid CoalitionId, long Version, Guid? Id = null);

/// <summary>Who may carry the initiative forward, shared by its decisions and the question page's forms.</summary>
public static class InitiativeRules
{
    public const int TextMax = 2000;
    public const int ExperienceMax = 4000;

    public static Problem? MustBeUnderway(Coalition coalition) =>
        coalition.IsCompleted ? Problem.Conflict("Dit initiatief is afgerond.")
        : coalition.IsClosed ? Problem.Conflict("Deze coalitie is gesloten.")
        : null;

    /// <summary>
    /// Any member of the coalition, in any position: sharing what happened and keeping others informed.
    /// </summary>
    public static Problem? MustTakePart(Coalition coalition, Guid memberId, string what) =>
        coalition.Members.ContainsKey(memberId) ? null
        : Problem.Forbidden($"Alleen wie meedoet in de coalitie kan {what}.");

    /// <summary>The initiator and the partners carry the coalition: they review and agree criteria.</summary>
    public static Problem? MustCarry(Coalition coalition, Guid memberId, string what) =>
        coalition.Members.TryGetValue(memberId, out var position) && Positions.CountsTowardThreshold(position) ? null
        : Problem.Forbidden($"Alleen de initiatiefnemer en de partners kunnen {what}.");

    public static Problem? MustBeInitiator(Coalition coalition, Guid memberId, string what) =>
        coalition.InitiatorId == memberId ? null
        : Problem.Forbidden($"Alleen de initiatiefnemer kan {what}.");

    public static Problem? MustBeLargeEnough(Coalition coalition) =>
        coalition.ThresholdReached ? null
        : Problem.Conflict("Dat kan pas als de coalitie groot genoeg is.");

    /// <summary>
    /// Every step on the coalition's stream: locked while its pure decision runs, so steps, joins and leaves queue
    /// up rather than overwrite. <paramref name="madeId"/>: the id of what the step made, for the answer.
    /// </summary>
    public static async Task<Outcome<InitiativeWritten>> WriteAsync(
        IDocumentStore store, Guid coalitionId, Func<Coalition, Decision> decide, CancellationToken ct,
        Guid? madeId = null) =>
        (await EventStreams.DecideAsync(store, coalitionId, null, decide, CoalitionRules.NotFound, ct))
            .Map(written => new InitiativeWritten(coalitionId, written.Version, madeId));

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(Shared.Display.Local(now).DateTime);
}
