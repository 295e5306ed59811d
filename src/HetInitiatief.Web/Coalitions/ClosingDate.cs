using JasperFx.Events;
using HetInitiatief.Live;
using HetInitiatief.Notifications;
using Wolverine;

namespace HetInitiatief.Coalitions;

/// <summary>Due at the closing date: close the coalition unless it reached its threshold or the date moved.</summary>
public sealed record CloseCoalitionIfNotViable(Guid CoalitionId, DateTimeOffset ClosesAt);

/// <summary>Due 48 hours before the closing date: tell the members it is closing soon.</summary>
public sealed record RemindCoalitionClosing(Guid CoalitionId, DateTimeOffset ClosesAt);

public sealed record ExtendClosingDate(DateTimeOffset? ClosesAt);

public static class ClosingDate
{
    public static readonly TimeSpan ReminderBefore = TimeSpan.FromHours(48);

    /// <summary>
    /// What a closing date makes due: a reminder 48 hours before (if that is still ahead) and the close itself. Both
    /// messages carry the date they were set for, so after an extension the old ones find the date moved and do
    /// nothing. Set by the events that fix a closing date, stored with them (<see cref="Reactions.AddDeadlines"/>).
    /// </summary>
    public static IEnumerable<Due> Deadlines(Guid coalitionId, DateTimeOffset? closesAt, DateTimeOffset now)
    {
        if (closesAt is not { } closes) yield break;
        if (closes - ReminderBefore > now)
            yield return new Due(new RemindCoalitionClosing(coalitionId, closes), closes - ReminderBefore);
        yield return new Due(new CloseCoalitionIfNotViable(coalitionId, closes), closes);
    }

    public static IEnumerable<Due> DeadlinesSetBy(IEvent e) => e.Data switch
    {
        CoalitionFormed formed => Deadlines(formed.CoalitionId, formed.ClosesAt, formed.FormedAt),
        CoalitionClosingDateExtended extended => Deadlines(extended.CoalitionId, extended.ClosesAt, extended.ExtendedAt),
        _ => [],
    };

    public static Decision DecideClose(Coalition coalition, CloseCoalitionIfNotViable due, DateTimeOffset now) =>
        coalition.IsClosed || coalition.ThresholdReached || coalition.ClosesAt != due.ClosesAt || now < due.ClosesAt
            ? Decision.Accept()
            : Decision.Accept(new CoalitionClosed(coalition.Id, CoalitionClosed.NotViable, coalition.Partners, coalition.Threshold, now));

    /// <summary>Whether this member may move the closing date now at all: the page shows the form only then.</summary>
    public static Problem? MayExtend(Coalition coalition, Guid memberId, DateTimeOffset now) =>
        coalition.InitiatorId != memberId ? Problem.Forbidden("Alleen de initiatiefnemer kan de sluitingsdatum verschuiven.")
        : CoalitionRules.MustBeOpen(coalition)
        ?? (coalition.ClosesAt is not { } current ? Problem.Conflict("Deze coalitie heeft geen sluitingsdatum.", "closesAt")
            : current <= now ? Problem.Conflict("De sluitingsdatum is al voorbij.", "closesAt")
            : null);

    public static Decision DecideExtend(Coalition coalition, ExtendClosingDate command, Guid memberId, DateTimeOffset now)
    {
        if (MayExtend(coalition, memberId, now) is { } refused) return refused;
        var current = coalition.ClosesAt!.Value;
        if (command.ClosesAt is not { } next || next <= current) return Problem.Invalid("closesAt", "Kies een datum ná de huidige sluitingsdatum.");
        if (next > now.AddYears(1)) return Problem.Invalid("closesAt", "Kies een sluitingsdatum binnen een jaar.");
        return Decision.Accept(new CoalitionClosingDateExtended(coalition.Id, memberId, next.ToUniversalTime(), now));
    }

    [EndpointSummary("Move the closing date later (initiator only, before it passes).")]
    [WolverinePut("/api/coalitions/{id}/closing-date")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Answer<CoalitionWritten>> Put(
        Guid id, ExtendClosingDate command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var outcome = await ExtendAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct);
        return outcome.Answer();
    }

    public static async Task<Outcome<CoalitionWritten>> ExtendAsync(
        Guid coalitionId, ExtendClosingDate command, Guid memberId, IDocumentStore store, DateTimeOffset now,
        CancellationToken ct) =>
        (await EventStreams.DecideAsync<Coalition>(store, coalitionId, null,
            c => DecideExtend(c, command, memberId, now), CoalitionRules.NotFound, ct))
            .Map(written => new CoalitionWritten(coalitionId, written.Version, written.Changed));
}

public static class CoalitionDeadlineHandler
{
    public static async Task Handle(CloseCoalitionIfNotViable due, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        await EventStreams.DecideAsync<Coalition>(store, due.CoalitionId, null,
            c => ClosingDate.DecideClose(c, due, clock.GetUtcNow()), CoalitionRules.NotFound, ct);

    /// <summary>The reminder is news, not a fact about the coalition: it becomes notifications, not an event.</summary>
    public static async Task<CoalitionNews?> Handle(RemindCoalitionClosing due, IQuerySession session, CancellationToken ct)
    {
        var coalition = await session.LoadAsync<CoalitionDetails>(due.CoalitionId, ct);
        var stillDue = coalition is { Status: CoalitionStatus.Open, ThresholdReachedAt: null } && coalition.ClosesAt == due.ClosesAt;
        return stillDue ? new CoalitionNews(NotificationIds.For(due.CoalitionId, due.ClosesAt), due.CoalitionId, NotificationKinds.ClosingSoon, null, null, due.ClosesAt) : null;
    }
}
