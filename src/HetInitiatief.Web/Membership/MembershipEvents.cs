namespace HetInitiatief.Membership;

// The events of a paid membership's stream, one stream per membership. See docs/events.md.

/// <summary>
/// An admin recorded a paid membership, arranged outside the platform (the school is invoiced): for one
/// member, or for everyone whose profile names the school. Both dates are days in Dutch time and count.
/// </summary>
public sealed record PaidMembershipRecorded(
    Guid MembershipId, Guid? MemberId, string? School, DateOnly From, DateOnly Until, Guid RecordedBy, DateTimeOffset RecordedAt);

/// <summary>An admin ended (or corrected) a membership early: <c>LastDay</c> is the last day it counts; before <c>From</c>, it never counted.</summary>
public sealed record PaidMembershipEnded(Guid MembershipId, DateOnly LastDay, Guid EndedBy, DateTimeOffset EndedAt);
