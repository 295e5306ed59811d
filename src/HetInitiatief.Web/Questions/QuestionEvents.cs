namespace HetInitiatief.Questions;

// The events of a learning question's stream, in the order they usually happen.
// Each carries the question's id, who did it and when; see docs/events.md.

public sealed record QuestionPosted(
    Guid QuestionId, Guid PostedBy, string Title, string Context, string WhyMine, string AlreadyKnown,
    IReadOnlyList<string> Themes, string Sector, DateTimeOffset PostedAt);

public sealed record FollowUpAsked(Guid QuestionId, Guid FollowUpId, Guid AskedBy, string Text, DateTimeOffset AskedAt);

public sealed record FollowUpAnswered(Guid QuestionId, Guid FollowUpId, Guid AnsweredBy, string Answer, DateTimeOffset AnsweredAt);

/// <summary>The owner rewrote the question: the question behind the question. <c>Version</c> is the formulation's number, 2 and up.</summary>
public sealed record QuestionReformulated(
    Guid QuestionId, Guid ReformulatedBy, int Version, string Title, string Context, DateTimeOffset ReformulatedAt);

public sealed record GoalSet(Guid QuestionId, Guid SetBy, string Goal, DateTimeOffset SetAt);

public sealed record QuestionWithdrawn(Guid QuestionId, Guid WithdrawnBy, DateTimeOffset WithdrawnAt);

/// <summary>The question changed hands together with its coalition's initiative (handover, or a partner taking it on).</summary>
public sealed record QuestionOwnershipTransferred(Guid QuestionId, Guid From, Guid To, DateTimeOffset TransferredAt);

/// <summary>The owner linked the question to a similar one; both pages show the link.</summary>
public sealed record QuestionLinked(Guid QuestionId, Guid LinkedQuestionId, Guid LinkedBy, DateTimeOffset LinkedAt);

/// <summary>
/// This question was merged into another: it closes, and the conversation continues there. <c>ByAgreement</c>: both
/// owners agreed to a moderator's proposal, and the coalition's members move along; without it a moderator merged it
/// alone, which is for abuse only (the reason is in the audit log).
/// </summary>
public sealed record QuestionMergedInto(
    Guid QuestionId, Guid IntoQuestionId, Guid MergedBy, string Reason, DateTimeOffset MergedAt, bool ByAgreement = false);

/// <summary>A moderator proposes to merge this question into another; nothing changes until both owners agree.</summary>
public sealed record MergeProposed(
    Guid QuestionId, Guid IntoQuestionId, Guid ProposedBy, string Reason, DateTimeOffset ProposedAt);

/// <summary>The owner of one of the two questions agreed to the proposed merge.</summary>
public sealed record MergeAgreed(Guid QuestionId, Guid IntoQuestionId, Guid AgreedBy, DateTimeOffset AgreedAt);

/// <summary>The owner of one of the two questions declined: the questions stay apart, the proposal ends.</summary>
public sealed record MergeDeclined(Guid QuestionId, Guid IntoQuestionId, Guid DeclinedBy, DateTimeOffset DeclinedAt);

/// <summary>Afterwards: the owner says whether the group reached its goal.</summary>

public sealed record GoalOutcomeRecorded(Guid QuestionId, Guid RecordedBy, bool Reached, DateTimeOffset RecordedAt);

/// <summary>A short success story, celebrated on the question page and the home page.</summary>
public sealed record SuccessStoryPublished(Guid QuestionId, Guid StoryId, Guid PublishedBy, string Story, DateTimeOffset PublishedAt);
