using System.Collections.Immutable;

namespace HetInitiatief.Sessions;

public static class SessionStatus
{
    public const string Scheduled = "scheduled";
    public const string Confirmed = "confirmed";
    public const string CalledOff = "calledOff";
}

public static class SessionKinds
{
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>
    {
        ["werkplaats"] = "Werkplaats", ["intervisie"] = "Intervisie", ["lesbezoek"] = "Lesbezoek",
        ["praktijkpresentatie"] = "Praktijkpresentatie", ["lezing"] = "Lezing", ["onderzoeksgroep"] = "Onderzoeksgroep",
    };

    public static readonly IReadOnlyDictionary<string, string> Formats = new Dictionary<string, string>
    {
        ["fysiek"] = "Fysiek", ["online"] = "Online", ["hybride"] = "Hybride",
    };
}

/// <summary>
/// A session: what it is, who has a seat and who waits in which order. One inline snapshot serves both
/// the sign-up decisions and the pages, because a popular session's stream is long and every sign-up
/// is read straight after it is written.
/// </summary>
public sealed record Session(
    Guid Id, Guid HostId, string Title, string Description, string Type, string Format, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string? Location, string? MeetingLink, int Capacity, int Minimum, DateTimeOffset SignUpDeadline, string Theme, Guid? CoalitionId,
    DateTimeOffset? PriorityUntil, string Status, ImmutableList<Guid> Participants, ImmutableList<Guid> Waitlist, long Version,
    ImmutableList<Guid>? Attended = null, ImmutableList<Session.Feedback>? Feedbacks = null, string? Sector = null, bool ProviderLed = false,
    Guid? ProposalId = null)
{
    public sealed record Feedback(Guid MemberId, int Rating, string ChangeInPractice, DateTimeOffset GivenAt);

    public bool IsCalledOff => Status == SessionStatus.CalledOff;

    public static Session Create(SessionScheduled e) =>
        new(e.SessionId, e.HostId, e.Title, e.Description, e.Type, e.Format, e.StartsAt, e.EndsAt, e.Location, e.MeetingLink,
            e.Capacity, e.Minimum, e.SignUpDeadline, e.Theme, e.CoalitionId, e.PriorityUntil, SessionStatus.Scheduled, [], [], 1, Sector: e.Sector, ProviderLed: e.ProviderLed,
            ProposalId: e.ProposalId);

    public Session Apply(MemberSignedUp e) => Next() with { Participants = Participants.Add(e.MemberId) };

    public Session Apply(MemberWaitlisted e) => Next() with { Waitlist = Waitlist.Add(e.MemberId) };

    public Session Apply(SignUpCancelled e) => Next() with { Participants = Participants.Remove(e.MemberId), Waitlist = Waitlist.Remove(e.MemberId) };

    public Session Apply(PromotedFromWaitlist e) => Next() with { Waitlist = Waitlist.Remove(e.MemberId), Participants = Participants.Add(e.MemberId) };

    public Session Apply(SessionConfirmed _) => Next() with { Status = SessionStatus.Confirmed };

    public Session Apply(SessionCalledOff _) => Next() with { Status = SessionStatus.CalledOff };

    public Session Apply(SessionMoved e) => Next() with { StartsAt = e.StartsAt, EndsAt = e.EndsAt, SignUpDeadline = e.SignUpDeadline };

    public Session Apply(AttendanceRecorded e) => Next() with { Attended = [.. e.Attended] };

    public Session Apply(FeedbackGiven e) => Next() with { Feedbacks = (Feedbacks ?? []).Add(new Feedback(e.MemberId, e.Rating, e.ChangeInPractice, e.GivenAt)) };

    private Session Next() => this with { Version = Version + 1 };

    public static Problem? MustTakeSignUps(Session session, DateTimeOffset now) =>
        session.IsCalledOff ? Problem.Conflict("Deze bijeenkomst gaat niet door.")
        : now >= session.SignUpDeadline ? Problem.Conflict("De aanmeldtermijn van deze bijeenkomst is voorbij.")
        : null;

    public const string NotFound = "Deze bijeenkomst bestaat niet.";
}
