using HetInitiatief.Live;
using JasperFx.Events;

namespace HetInitiatief.Sessions;

/// <summary>The push message for a session's seat count: where it stands after the change.</summary>
public sealed record SessionChanged(
    Guid SessionId, long Version, string Change, int Participants, int Capacity, int Waiting)
{
    public const string Method = "sessionChanged";

    public static SessionChanged? From(IEvent e, Session session)
    {
        var change = e.Data switch
        {
            SessionScheduled => "scheduled",
            MemberSignedUp => "signedUp",
            MemberWaitlisted => "waitlisted",
            SignUpCancelled => "cancelled",
            PromotedFromWaitlist => "promoted",
            SessionConfirmed => "confirmed",
            SessionCalledOff => "calledOff",
            SessionMoved => "moved",
            AttendanceRecorded => "attendanceRecorded",
            FeedbackGiven => "feedbackGiven",
            _ => null,
        };
        return change is null ? null
            : new(session.Id, e.Version, change, session.Participants.Count, session.Capacity, session.Waitlist.Count);
    }
}

/// <summary>The seat counts, from the session's snapshot as the commit wrote it, to the agenda and the session.</summary>
public sealed class SessionPush : IPushMapper
{
    public IEnumerable<object> PushesFor(Commit commit) =>
        from written in commit.EventsWith<Session>(s => s.Id)
        let seats = SessionChanged.From(written.Event, written.Document)
        where seats is not null
        select LivePush.Of(SessionChanged.Method, seats, seats.SessionId, seats.Version,
            LiveHub.AgendaGroup, LiveHub.SessionGroup(seats.SessionId));
}
