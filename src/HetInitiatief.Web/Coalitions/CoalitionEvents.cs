namespace HetInitiatief.Coalitions;

// The events of a coalition of the willing's stream. Each carries the coalition's id, who did it and when.
// See docs/events.md.

public sealed record CoalitionFormed(
    Guid CoalitionId, Guid QuestionId, Guid FormedBy, int Threshold, DateTimeOffset? ClosesAt, string Invitation, DateTimeOffset FormedAt);

public sealed record MemberJoinedCoalition(Guid CoalitionId, Guid MemberId, string Position, string Contribution, DateTimeOffset JoinedAt);

public sealed record CoalitionPositionChanged(Guid CoalitionId, Guid MemberId, string Position, DateTimeOffset ChangedAt);

public sealed record MemberLeftCoalition(Guid CoalitionId, Guid MemberId, string Position, DateTimeOffset LeftAt);

/// <summary>The milestone: enough partners to go ahead. Recorded once; members leaving later do not undo it.</summary>
public sealed record CoalitionThresholdReached(Guid CoalitionId, int Partners, int Threshold, DateTimeOffset ReachedAt);

/// <summary>
/// The coalition closed: its closing date passed before the threshold was reached (<c>notViable</c>), or
/// its question was withdrawn (<c>questionWithdrawn</c>).
/// </summary>
public sealed record CoalitionClosed(Guid CoalitionId, string Reason, int Partners, int Threshold, DateTimeOffset ClosedAt)
{
    public const string NotViable = "notViable";
    public const string QuestionWithdrawn = "questionWithdrawn";
    public const string QuestionMerged = "questionMerged";
}

/// <summary>The initiator moved the closing date later, before it passed.</summary>
public sealed record CoalitionClosingDateExtended(Guid CoalitionId, Guid ExtendedBy, DateTimeOffset ClosesAt, DateTimeOffset ExtendedAt);

/// <summary>The initiator asks a partner to take the initiative over; nothing changes until they accept.</summary>
public sealed record InitiativeHandoverOffered(Guid CoalitionId, Guid OfferedBy, Guid OfferedTo, DateTimeOffset OfferedAt);

/// <summary>The partner accepted: they are the initiator now, the former initiator a partner. The question moves with it.</summary>
public sealed record InitiativeHandedOver(Guid CoalitionId, Guid From, Guid To, DateTimeOffset HandedOverAt);

/// <summary>A partner takes on a coalition its initiator left: no orphaned initiatives.</summary>
public sealed record InitiativeTakenOn(Guid CoalitionId, Guid MemberId, DateTimeOffset TakenOnAt);

/// <summary>The initiator accepted an offer on behalf of the group: at most one per coalition.</summary>
public sealed record CoalitionOfferAccepted(Guid CoalitionId, Guid ProposalId, Guid AcceptedBy, DateTimeOffset AcceptedAt);
