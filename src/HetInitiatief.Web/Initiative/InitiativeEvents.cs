namespace HetInitiatief.Initiative;

// The initiative's life after the first session, on the coalition's own stream: the approach the group
// agrees, trials, experiences, reviews, completion criteria, completion and updates. Each event carries the
// coalition's id, who did it and when. See docs/events.md.

/// <summary>What the group will try, for whom, to what end and by when. Version 1 first, +1 per revision.</summary>
public sealed record ApproachRecorded(
    Guid CoalitionId, int Version, Guid RecordedBy, string What, string ForWhom, string Goal, DateOnly? TargetDate,
    DateTimeOffset RecordedAt);

/// <summary>A partner proposes a revision of the shared approach; the initiator adopts it or not.</summary>
public sealed record ApproachRevisionProposed(
    Guid CoalitionId, Guid RevisionId, int BasedOnVersion, Guid ProposedBy, string What, string ForWhom, string Goal,
    DateOnly? TargetDate, DateTimeOffset ProposedAt);

/// <summary>The initiator adopted a partner's revision: it is the approach now (with the next version).</summary>
public sealed record ApproachRevisionAdopted(Guid CoalitionId, Guid RevisionId, int Version, Guid AdoptedBy,
    DateTimeOffset AdoptedAt);

/// <summary>
/// The group agreed a trial: what is tried, until when and what to watch. Round 1, 2, … one at a time.
/// </summary>
public sealed record TrialAgreed(
    Guid CoalitionId, Guid TrialId, int Round, Guid AgreedBy, string What, DateOnly Until, string WatchFor,
    DateTimeOffset AgreedAt);

/// <summary>A member shares what happened in the trial, with the kind of evidence.</summary>
public sealed record ExperienceShared(
    Guid CoalitionId, Guid ExperienceId, Guid TrialId, Guid SharedBy, string Evidence, string Text,
    DateTimeOffset SharedAt);

/// <summary>The short review of a trial: what went well, what next time. It opens the next round.</summary>
public sealed record TrialReviewed(
    Guid CoalitionId, Guid TrialId, Guid ReviewedBy, string WentWell, string NextTime, DateTimeOffset ReviewedAt);

/// <summary>A partner proposes when the initiative is done; earlier support for other criteria lapses.</summary>
public sealed record CompletionCriteriaProposed(Guid CoalitionId, Guid ProposedBy, string Criteria,
    DateTimeOffset ProposedAt);

/// <summary>A partner agrees with the proposed criteria (the proposer agrees by proposing).</summary>
public sealed record CompletionCriteriaSupported(Guid CoalitionId, Guid SupportedBy, DateTimeOffset SupportedAt);

/// <summary>The milestone: more than half of the partners agreed the criteria. Recorded once per proposal.</summary>
public sealed record CompletionCriteriaAgreed(Guid CoalitionId, string Criteria, int Supporters, int Partners,
    DateTimeOffset AgreedAt);

/// <summary>
/// The initiative reached its agreed criteria: completed, a state of its own (not closed below threshold).
/// </summary>
public sealed record InitiativeCompleted(Guid CoalitionId, Guid QuestionId, Guid CompletedBy, string Celebration,
    DateTimeOffset CompletedAt);

/// <summary>A member keeps followers and the rest of the network informed.</summary>
public sealed record InitiativeUpdatePosted(Guid CoalitionId, Guid UpdateId, Guid PostedBy, string Text,
    DateTimeOffset PostedAt);
