using HetInitiatief.Live;
using JasperFx.Events;

namespace HetInitiatief.Sessions;

/// <summary>Due at the sign-up deadline: the session goes ahead if the minimum signed up, otherwise it is called off.</summary>
public sealed record DecideGoNoGo(Guid SessionId, DateTimeOffset Deadline);

public static class GoNoGo
{
    /// <summary>
    /// A session's sign-up deadline makes its go/no-go due, stored with the event that set it. A move sets one at the
    /// new deadline; the go/no-go of a deadline that moved since, or of a session already decided, does nothing.
    /// </summary>
    public static IEnumerable<Due> DeadlinesSetBy(IEvent e) => e.Data switch
    {
        SessionScheduled s => [new Due(new DecideGoNoGo(s.SessionId, s.SignUpDeadline), s.SignUpDeadline)],
        SessionMoved m when m.SignUpDeadline > m.MovedAt =>
            [new Due(new DecideGoNoGo(m.SessionId, m.SignUpDeadline), m.SignUpDeadline)],
        _ => [],
    };

    public static Decision Decide(Session session, DecideGoNoGo due, DateTimeOffset now) =>
        session.Status != SessionStatus.Scheduled || session.SignUpDeadline != due.Deadline || now < due.Deadline
            ? Decision.Accept()
            : session.Participants.Count >= session.Minimum
                ? Decision.Accept(new SessionConfirmed(session.Id, session.Participants.Count, now))
                : Decision.Accept(new SessionCalledOff(session.Id, SessionCalledOff.NotEnoughParticipants, session.Participants.Count, session.Minimum, now));
}

public static class GoNoGoHandler
{
    public static async Task Handle(DecideGoNoGo due, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        await EventStreams.DecideAsync<Session>(store, due.SessionId, null, s => GoNoGo.Decide(s, due, clock.GetUtcNow()), Session.NotFound, ct);
}
