namespace HetInitiatief.Sessions;

public sealed record MoveSession(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, DateTimeOffset? SignUpDeadline);

public sealed record RecordAttendance(IReadOnlyList<Guid>? Attended);

/// <summary>What only the host does: call off, move, and afterwards record who was there.</summary>
public static class HostActions
{
    public static Problem? MustBeHost(Session session, Guid memberId, string action) =>
        session.HostId == memberId ? null : Problem.Forbidden($"Alleen de organisator kan {action}.");

    public static Decision DecideCancel(Session session, Guid memberId, DateTimeOffset now) =>
        MustBeHost(session, memberId, "de bijeenkomst afzeggen")
        ?? (session.IsCalledOff ? Problem.Conflict("Deze bijeenkomst gaat al niet door.")
            : now >= session.StartsAt ? Problem.Conflict("Deze bijeenkomst is al begonnen.")
            : Decision.Accept(new SessionCalledOff(session.Id, SessionCalledOff.CancelledByHost, session.Participants.Count, session.Minimum, now)));

    public static Decision DecideMove(Session session, MoveSession command, Guid memberId, DateTimeOffset now)
    {
        if ((MustBeHost(session, memberId, "de bijeenkomst verplaatsen") ?? (session.IsCalledOff ? Problem.Conflict("Deze bijeenkomst gaat niet door.") : null)) is { } refused)
            return refused;
        var invalid = new FieldRules()
            .Check(command.StartsAt is not null, "startsAt", ScheduleSessionEndpoint.MissingStart)
            .Check(command.StartsAt is null || command.StartsAt > now, "startsAt", "Kies een begin in de toekomst.")
            .Check(command.EndsAt is not null, "endsAt", ScheduleSessionEndpoint.MissingEnd)
            .Check(command.EndsAt is null || command.StartsAt is null || command.EndsAt > command.StartsAt,
                "endsAt", "Het einde ligt na het begin.")
            .Check(command.SignUpDeadline is null || command.StartsAt is null || command.SignUpDeadline <= command.StartsAt,
                "signUpDeadline", "De aanmeldtermijn sluit vóór het begin.")
            .Problem;
        if (invalid is not null) return invalid;
        var deadline = (command.SignUpDeadline ?? session.SignUpDeadline).ToUniversalTime();
        return Decision.Accept(new SessionMoved(session.Id, memberId, command.StartsAt!.Value.ToUniversalTime(),
            command.EndsAt!.Value.ToUniversalTime(), deadline, now));
    }

    public static Decision DecideAttendance(Session session, RecordAttendance command, Guid memberId, DateTimeOffset now)
    {
        if (MustBeHost(session, memberId, "de aanwezigheid bijhouden") is { } refused) return refused;
        if (now < session.StartsAt) return Problem.Conflict("De aanwezigheid houd je bij zodra de bijeenkomst begonnen is.");
        var attended = (command.Attended ?? []).Distinct().ToList();
        if (attended.Any(m => !session.Participants.Contains(m))) return Problem.Invalid("attended", "Alleen aangemelde deelnemers kunnen aanwezig zijn geweest.");
        return Decision.Accept(new AttendanceRecorded(session.Id, memberId, attended, now));
    }

    [EndpointSummary("Call the session off (host only, before it starts); everyone signed up or waiting is told.")]
    [WolverinePost("/api/sessions/{id}/cancel")]
    [Refuses(403, 404, 409)]
    public static async Task<Answer<SessionWritten>> Cancel(
        Guid id, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var (memberId, now) = (user.MemberId(), clock.GetUtcNow());
        return (await CallOffAsync(id, memberId, store, now, ct)).Answer();
    }

    [EndpointSummary("Move the session (host only); sign-ups are kept and everyone is told.")]
    [WolverinePut("/api/sessions/{id}/schedule")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Answer<SessionWritten>> Move(
        Guid id, MoveSession command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var (memberId, now) = (user.MemberId(), clock.GetUtcNow());
        return (await MoveAsync(id, command, memberId, store, now, ct)).Answer();
    }

    [EndpointSummary("Record who attended (host only, once the session has started); only they can give feedback.")]
    [WolverinePut("/api/sessions/{id}/attendance")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Answer<SessionWritten>> Attendance(
        Guid id, RecordAttendance command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var (memberId, now) = (user.MemberId(), clock.GetUtcNow());
        return (await RecordAttendanceAsync(id, command, memberId, store, now, ct)).Answer();
    }

    public static async Task<Outcome<SessionWritten>> CallOffAsync(
        Guid sessionId, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct) =>
        (await EventStreams.DecideAsync<Session>(store, sessionId, null, s => DecideCancel(s, memberId, now),
            Session.NotFound, ct))
            .Map(written => new SessionWritten(sessionId, written.Version));

    /// <summary>A move sets the go/no-go again at the new deadline (<see cref="GoNoGo.DeadlinesSetBy"/>).</summary>
    public static async Task<Outcome<SessionWritten>> MoveAsync(
        Guid sessionId, MoveSession command, Guid memberId, IDocumentStore store, DateTimeOffset now,
        CancellationToken ct) =>
        (await EventStreams.DecideAsync<Session>(store, sessionId, null, s => DecideMove(s, command, memberId, now),
            Session.NotFound, ct))
            .Map(written => new SessionWritten(sessionId, written.Version));

    public static async Task<Outcome<SessionWritten>> RecordAttendanceAsync(
        Guid sessionId, RecordAttendance command, Guid memberId, IDocumentStore store, DateTimeOffset now,
            CancellationToken ct) =>
        (await EventStreams.DecideAsync<Session>(store, sessionId, null,
            s => DecideAttendance(s, command, memberId, now), Session.NotFound, ct))
            .Map(written => new SessionWritten(sessionId, written.Version));
}
