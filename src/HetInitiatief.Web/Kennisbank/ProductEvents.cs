namespace HetInitiatief.Kennisbank;

// The events of a product's stream: something teachers made and share in the kennisbank.
// Each carries the product's id, who did it and when; see docs/events.md.

/// <summary>
/// A member published a product. <c>QuestionId</c>, <c>CoalitionId</c> and <c>TrialId</c> say what it grew from;
/// <c>TrialId</c> is a reference the coalition feature fills, kept as text so this stream depends on nothing of it.
/// </summary>
public sealed record ProductPublished(
    Guid ProductId, Guid PublishedBy, string Kind, string Title, string Body, IReadOnlyList<string> Themes,
    string Sector, string Visibility, Guid? QuestionId, Guid? CoalitionId, string? TrialId, DateTimeOffset PublishedAt);

/// <summary>An author wrote a new version. <c>Revision</c> is the version's number, 2 and up.</summary>
public sealed record ProductRevised(
    Guid ProductId, Guid RevisedBy, int Revision, string Kind, string Title, string Body, IReadOnlyList<string> Themes,
    string Sector, string Visibility, DateTimeOffset RevisedAt);

public sealed record CoAuthorInvited(Guid ProductId, Guid MemberId, Guid InvitedBy, DateTimeOffset InvitedAt);

public sealed record CoAuthorAccepted(Guid ProductId, Guid MemberId, DateTimeOffset AcceptedAt);

public sealed record CoAuthorDeclined(Guid ProductId, Guid MemberId, DateTimeOffset DeclinedAt);

/// <summary>An author attached a file; its bytes are the <see cref="StoredFile"/> with <c>AttachmentId</c>.</summary>
public sealed record AttachmentAdded(
    Guid ProductId, Guid AttachmentId, Guid AddedBy, string FileName, string ContentType, long Size,
        DateTimeOffset AddedAt);

/// <summary>"Ik heb dit gebruikt": a member used the product in their own practice, once per member.</summary>
public sealed record ProductUsed(Guid ProductId, Guid UsedBy, string Note, DateTimeOffset UsedAt);
