namespace HetInitiatief.Questions;

/// <summary>
/// Everything the question page shows: the question as it reads now, its follow-ups with their answers,
/// and every formulation it went through. Projected inline from the question's stream, so a page
/// read straight after a write sees it; the same Apply methods replay the stream up to any moment for
/// time travel.
/// </summary>
public sealed record QuestionDetails(
    Guid Id,
    Guid OwnerId,
    string Title,
    string Context,
    string WhyMine,
    string AlreadyKnown,
    IReadOnlyList<string> Themes,
    string Sector,
    string Status,
    string? Goal,
    DateTimeOffset? GoalSetAt,
    DateTimeOffset PostedAt,
    DateTimeOffset LastActivityAt,
    long Version,
    IReadOnlyList<QuestionDetails.FollowUp> FollowUps,
    IReadOnlyList<QuestionDetails.Formulation> Versions,
    IReadOnlyList<Guid>? Links = null,
    bool? GoalReached = null,
    IReadOnlyList<QuestionDetails.Story>? Stories = null,
    DateTimeOffset? LastStoryAt = null,
    IReadOnlyList<Backing>? Endorsements = null,
    Guid? MergedInto = null,
    PendingMerge? Merge = null)
{
    public sealed record Story(Guid Id, Guid By, string Text, DateTimeOffset At);

    public sealed record FollowUp(Guid Id, Guid AskedBy, string Text, DateTimeOffset AskedAt, string? Answer, DateTimeOffset? AnsweredAt);

    /// <summary>One formulation of the question, with the follow-up answers that led up to it.</summary>
    public sealed record Formulation(int Version, string Title, string Context, DateTimeOffset At, IReadOnlyList<Guid> AnswersBefore);

    public static QuestionDetails Create(QuestionPosted e) =>
        new(e.QuestionId, e.PostedBy, e.Title, e.Context, e.WhyMine, e.AlreadyKnown, e.Themes, e.Sector,
            QuestionStatus.Open, null, null, e.PostedAt, e.PostedAt, 1, [],
            [new Formulation(1, e.Title, e.Context, e.PostedAt, [])]);

    public QuestionDetails Apply(FollowUpAsked e) => Moved(e.AskedAt) with
    {
        FollowUps = [.. FollowUps, new FollowUp(e.FollowUpId, e.AskedBy, e.Text, e.AskedAt, null, null)],
    };

    public QuestionDetails Apply(FollowUpAnswered e) => Moved(e.AnsweredAt) with
    {
        FollowUps = FollowUps.Select(f => f.Id == e.FollowUpId ? f with { Answer = e.Answer, AnsweredAt = e.AnsweredAt } : f).ToList(),
    };

    public QuestionDetails Apply(QuestionReformulated e)
    {
        var alreadyShown = Versions.SelectMany(v => v.AnswersBefore).ToHashSet();
        var answersBefore = FollowUps.Where(f => f.Answer is not null && !alreadyShown.Contains(f.Id)).Select(f => f.Id).ToList();
        return Moved(e.ReformulatedAt) with
        {
            Title = e.Title,
            Context = e.Context,
            Versions = [.. Versions, new Formulation(e.Version, e.Title, e.Context, e.ReformulatedAt, answersBefore)],
        };
    }

    public QuestionDetails Apply(GoalSet e) => Moved(e.SetAt) with { Goal = e.Goal, GoalSetAt = e.SetAt };

    public QuestionDetails Apply(QuestionWithdrawn e) => Moved(e.WithdrawnAt) with { Status = QuestionStatus.Withdrawn };

    public QuestionDetails Apply(QuestionMergedInto e) =>
        Moved(e.MergedAt) with { Status = QuestionStatus.Withdrawn, MergedInto = e.IntoQuestionId, Merge = null };

    public QuestionDetails Apply(MergeProposed e) =>
        Moved(e.ProposedAt) with { Merge = new PendingMerge(e.IntoQuestionId, e.ProposedBy, e.Reason, []) };

    public QuestionDetails Apply(MergeAgreed e) =>
        Moved(e.AgreedAt) with { Merge = Merge! with { AgreedBy = Merge.AgreedBy.Add(e.AgreedBy) } };

    public QuestionDetails Apply(MergeDeclined e) => Moved(e.DeclinedAt) with { Merge = null };

    public QuestionDetails Apply(QuestionOwnershipTransferred e) => Moved(e.TransferredAt) with { OwnerId = e.To };

    public QuestionDetails Apply(QuestionLinked e) => Moved(e.LinkedAt) with { Links = [.. Links ?? [], e.LinkedQuestionId] };

    public QuestionDetails Apply(QuestionEndorsed e) => Moved(e.EndorsedAt) with
    {
        Endorsements = [.. (Endorsements ?? []).Where(b => b.Leader != e.EndorsedBy), new Backing(e.EndorsedBy, e.School, e.EndorsedAt)],
    };

    public QuestionDetails Apply(QuestionEndorsementWithdrawn e) => Moved(e.WithdrawnAt) with
    {
        Endorsements = (Endorsements ?? []).Where(b => b.Leader != e.WithdrawnBy).ToList(),
    };

    public QuestionDetails Apply(GoalOutcomeRecorded e) => Moved(e.RecordedAt) with { GoalReached = e.Reached };

    public QuestionDetails Apply(SuccessStoryPublished e) => Moved(e.PublishedAt) with
    {
        Stories = [.. Stories ?? [], new Story(e.StoryId, e.PublishedBy, e.Story, e.PublishedAt)],
        LastStoryAt = e.PublishedAt,
    };

    private QuestionDetails Moved(DateTimeOffset at) => this with { Version = Version + 1, LastActivityAt = at };
}
