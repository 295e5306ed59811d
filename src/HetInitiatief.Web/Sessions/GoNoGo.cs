using HetInitiatief.Infrastructure;
using Marten;

namespace HetInitiatief.Sessions;

/// <summary>Due at the sign-up deadline: the session goes ahead if the minimum signed up, otherwise it is called off.</summary>
public sealed record DecideGoNoGo(Guid SessionId, DateTimeOffset Deadline);

public static class GoNoGo
{
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
