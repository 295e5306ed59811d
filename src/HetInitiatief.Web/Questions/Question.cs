using System.Collections.Immutable;

namespace HetInitiatief.Questions;

public static class QuestionStatus
{
    public const string Open = "open";
    public const string Withdrawn = "withdrawn";

    public static readonly IReadOnlyList<string> All = [Open, Withdrawn];
}

/// <summary>
/// The state a decision about a question needs, and nothing more. Rebuilt from the question's events
/// each time it is written to, so it never drifts from them.
/// </summary>
/// <summary>A moderator's proposal to merge, waiting for both owners.</summary>
public sealed record PendingMerge(Guid IntoQuestionId, Guid ProposedBy, string Reason, ImmutableHashSet<Guid> AgreedBy);

public sealed record Question(
    Guid Id, Guid OwnerId, string Status, int FormulationVersion, ImmutableDictionary<Guid, bool> FollowUpsAnswered, ImmutableHashSet<Guid>? Links = null, ImmutableHashSet<Guid>? Endorsers = null, Guid? MergedInto = null, PendingMerge? Merge = null)
{
    public bool IsWithdrawn => Status == QuestionStatus.Withdrawn;

    public static Question Create(QuestionPosted e) =>
        new(e.QuestionId, e.PostedBy, QuestionStatus.Open, 1, ImmutableDictionary<Guid, bool>.Empty);

    public Question Apply(FollowUpAsked e) => this with { FollowUpsAnswered = FollowUpsAnswered.SetItem(e.FollowUpId, false) };

    public Question Apply(FollowUpAnswered e) => this with { FollowUpsAnswered = FollowUpsAnswered.SetItem(e.FollowUpId, true) };

    public Question Apply(QuestionReformulated e) => this with { FormulationVersion = e.Version };

    public Question Apply(GoalSet _) => this;

    public Question Apply(QuestionWithdrawn _) => this with { Status = QuestionStatus.Withdrawn };

    public Question Apply(QuestionMergedInto e) =>
        this with { Status = QuestionStatus.Withdrawn, MergedInto = e.IntoQuestionId, Merge = null };

    public Question Apply(MergeProposed e) => this with { Merge = new PendingMerge(e.IntoQuestionId, e.ProposedBy, e.Reason, []) };

    public Question Apply(MergeAgreed e) => this with { Merge = Merge! with { AgreedBy = Merge.AgreedBy.Add(e.AgreedBy) } };

    public Question Apply(MergeDeclined _) => this with { Merge = null };

    public Question Apply(QuestionOwnershipTransferred e) => this with { OwnerId = e.To };

    public Question Apply(QuestionLinked e) => this with { Links = (Links ?? []).Add(e.LinkedQuestionId) };

    public Question Apply(GoalOutcomeRecorded _) => this;

    public Question Apply(SuccessStoryPublished _) => this;

    public Question Apply(QuestionEndorsed e) => this with { Endorsers = (Endorsers ?? []).Add(e.EndorsedBy) };

    public Question Apply(QuestionEndorsementWithdrawn e) => this with { Endorsers = (Endorsers ?? []).Remove(e.WithdrawnBy) };
}
