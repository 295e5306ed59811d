namespace HetInitiatief.Sessions;

// The events of a session's stream. Each carries the session's id, who did it and when. See docs/events.md.

/// <remarks>
/// <c>ProviderLed</c>: the host had the provider role when scheduling it; signing up then takes the
/// <c>providerSessions</c> entitlement. <c>ProposalId</c>: for a coalition's session, the accepted offer it comes from.
/// </remarks>
public sealed record SessionScheduled(
    Guid SessionId, Guid HostId, string Title, string Description, string Type, string Format,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, string? MeetingLink, int Capacity, int Minimum,
    DateTimeOffset SignUpDeadline, string Theme, Guid? CoalitionId, DateTimeOffset? PriorityUntil, DateTimeOffset ScheduledAt, string? Sector = null,
    bool ProviderLed = false, Guid? ProposalId = null);

public sealed record MemberSignedUp(Guid SessionId, Guid MemberId, DateTimeOffset SignedUpAt);

/// <summary>The session was full: the member waits, in order of arrival.</summary>
public sealed record MemberWaitlisted(Guid SessionId, Guid MemberId, DateTimeOffset WaitlistedAt);

public sealed record SignUpCancelled(Guid SessionId, Guid MemberId, bool WasWaiting, DateTimeOffset CancelledAt);

/// <summary>A seat came free and the first in line got it, automatically.</summary>
public sealed record PromotedFromWaitlist(Guid SessionId, Guid MemberId, DateTimeOffset PromotedAt);

/// <summary>Go: at the sign-up deadline the minimum was met.</summary>
public sealed record SessionConfirmed(Guid SessionId, int Participants, DateTimeOffset ConfirmedAt);

/// <summary>No-go: too few participants at the deadline (<c>notEnoughParticipants</c>), or the host cancelled (<c>cancelledByHost</c>).</summary>
public sealed record SessionCalledOff(Guid SessionId, string Reason, int Participants, int Minimum, DateTimeOffset CalledOffAt)
{
    public const string NotEnoughParticipants = "notEnoughParticipants";
    public const string CancelledByHost = "cancelledByHost";
}

/// <summary>The host moved the session; sign-ups are kept.</summary>
public sealed record SessionMoved(Guid SessionId, Guid MovedBy, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset SignUpDeadline, DateTimeOffset MovedAt);

/// <summary>The host recorded who was there; only they can give feedback.</summary>
public sealed record AttendanceRecorded(Guid SessionId, Guid RecordedBy, IReadOnlyList<Guid> Attended, DateTimeOffset RecordedAt);

public sealed record FeedbackGiven(Guid SessionId, Guid MemberId, int Rating, string ChangeInPractice, DateTimeOffset GivenAt);
