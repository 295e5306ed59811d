using HetInitiatief.Coalitions;

namespace HetInitiatief.Initiative;

/// <summary>
/// The initiative's story as the question page tells it: the approach and its versions, proposed revisions,
/// every trial with its experiences and review, the completion criteria, completion and updates. Projected inline
/// from the coalition's stream (the page reads it straight after a write); names are looked up when shown, so a
/// deleted account's name is masked like everywhere else. When the coalition formed and grew large enough is
/// <see cref="CoalitionDetails"/>'s to say; the view reads both at the same moment.
/// </summary>
public sealed record InitiativeTimeline(
    Guid Id,
    Guid QuestionId,
    IReadOnlyList<InitiativeTimeline.Approach> Approaches,
    IReadOnlyList<InitiativeTimeline.Revision> Revisions,
    IReadOnlyList<InitiativeTimeline.Trial> Trials,
    InitiativeTimeline.CriteriaState? Criteria,
    InitiativeTimeline.Completion? Completed,
    IReadOnlyList<InitiativeTimeline.Update> Updates,
    DateTimeOffset? LastNewsAt = null)
{
    public sealed record Approach(int Version, Guid By, string What, string ForWhom, string Goal, DateOnly? TargetDate,
        DateTimeOffset At);

    public sealed record Revision(Guid Id, int BasedOnVersion, Guid By, string What, string ForWhom, string Goal,
        DateOnly? TargetDate, DateTimeOffset At, bool Adopted);

    public sealed record Experience(Guid Id, Guid By, string Evidence, string Text, DateTimeOffset At,
        IReadOnlyList<FileRef>? Files = null);

    public sealed record FileRef(Guid Id, string FileName, string ContentType, long Size);

    public sealed record Review(Guid By, string WentWell, string NextTime, DateTimeOffset At);

    public sealed record Trial(Guid Id, int Round, Guid AgreedBy, string What, DateOnly Until, string WatchFor,
        DateTimeOffset AgreedAt, IReadOnlyList<Experience> Experiences, Review? Reviewed);

    public sealed record CriteriaState(string Text, Guid ProposedBy, DateTimeOffset ProposedAt,
        IReadOnlyList<Guid> Supporters, DateTimeOffset? AgreedAt);

    public sealed record Completion(Guid By, string Celebration, DateTimeOffset At);

    public sealed record Update(Guid Id, Guid By, string Text, DateTimeOffset At);

    public Approach? CurrentApproach => Approaches.Count == 0 ? null : Approaches[^1];

    public static InitiativeTimeline Create(CoalitionFormed e) =>
        new(e.CoalitionId, e.QuestionId, [], [], [], null, null, []);

    public InitiativeTimeline Apply(ApproachRecorded e) => this with
    {
        Approaches = [.. Approaches, new Approach(e.Version, e.RecordedBy, e.What, e.ForWhom, e.Goal, e.TargetDate,
            e.RecordedAt)],
    };

    public InitiativeTimeline Apply(ApproachRevisionProposed e) => this with
    {
        Revisions = [.. Revisions, new Revision(e.RevisionId, e.BasedOnVersion, e.ProposedBy, e.What, e.ForWhom, e.Goal,
            e.TargetDate, e.ProposedAt, false)],
    };

    /// <summary>An adopted revision is the approach's next version, in the proposer's words.</summary>
    public InitiativeTimeline Apply(ApproachRevisionAdopted e)
    {
        var revision = Revisions.First(r => r.Id == e.RevisionId);
        return this with
        {
            Revisions = Revisions.Select(r => r.Id == e.RevisionId ? r with { Adopted = true } : r).ToList(),
            Approaches = [.. Approaches, new Approach(e.Version, revision.By, revision.What, revision.ForWhom,
                revision.Goal, revision.TargetDate, e.AdoptedAt)],
        };
    }

    public InitiativeTimeline Apply(TrialAgreed e) => this with
    {
        Trials = [.. Trials, new Trial(e.TrialId, e.Round, e.AgreedBy, e.What, e.Until, e.WatchFor, e.AgreedAt, [],
            null)],
    };

    public InitiativeTimeline Apply(ExperienceShared e) => WithTrial(e.TrialId, t => t with
    {
        Experiences = [.. t.Experiences, new Experience(e.ExperienceId, e.SharedBy, e.Evidence, e.Text, e.SharedAt)],
    });

    public InitiativeTimeline Apply(ExperienceFileAttached e) => this with
    {
        Trials = Trials.Select(t => t with
        {
            Experiences = t.Experiences.Select(x => x.Id != e.ExperienceId ? x : x with
            {
                Files = [.. x.Files ?? [], new FileRef(e.AttachmentId, e.FileName, e.ContentType, e.Size)],
            }).ToList(),
        }).ToList(),
    };

    public InitiativeTimeline Apply(TrialReviewed e) =>
        WithTrial(e.TrialId, t => t with { Reviewed = new Review(e.ReviewedBy, e.WentWell, e.NextTime, e.ReviewedAt) });

    public InitiativeTimeline Apply(CompletionCriteriaProposed e) => this with
    {
        Criteria = new CriteriaState(e.Criteria, e.ProposedBy, e.ProposedAt, [e.ProposedBy], null),
    };

    public InitiativeTimeline Apply(CompletionCriteriaSupported e) => this with
    {
        Criteria = Criteria! with { Supporters = [.. Criteria.Supporters, e.SupportedBy] },
    };

    public InitiativeTimeline Apply(CompletionCriteriaAgreed e) =>
        this with { Criteria = Criteria! with { AgreedAt = e.AgreedAt } };

    /// <summary>Completion and updates are news for the rest of the network (<c>LastNewsAt</c> orders it).</summary>
    public InitiativeTimeline Apply(InitiativeCompleted e) => this with
    {
        Completed = new Completion(e.CompletedBy, e.Celebration, e.CompletedAt), LastNewsAt = e.CompletedAt,
    };

    public InitiativeTimeline Apply(InitiativeUpdatePosted e) => this with
    {
        Updates = [.. Updates, new Update(e.UpdateId, e.PostedBy, e.Text, e.PostedAt)], LastNewsAt = e.PostedAt,
    };

    private InitiativeTimeline WithTrial(Guid trialId, Func<Trial, Trial> change) => this with
    {
        Trials = Trials.Select(t => t.Id == trialId ? change(t) : t).ToList(),
    };
}
