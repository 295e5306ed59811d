using HetInitiatief.Initiative;
namespace HetInitiatief.Coalitions;

/// <summary>
/// The coalition as its page and meter show it: the network around the question, by position, and
/// how far it is from its threshold. Projected inline from the coalition's stream.
/// </summary>
public sealed record CoalitionDetails(
    Guid Id,
    Guid QuestionId,
    Guid InitiatorId,
    int Threshold,
    DateTimeOffset? ClosesAt,
    string Invitation,
    string Status,
    DateTimeOffset FormedAt,
    DateTimeOffset? ThresholdReachedAt,
    IReadOnlyList<CoalitionDetails.Member> Members,
    Guid? LastJoined,
    DateTimeOffset LastActivityAt,
    long Version,
    Guid? HandoverOfferedTo = null,
    Guid? AcceptedProposalId = null,
    IReadOnlyList<Questions.Backing>? Endorsements = null,
    InitiativeCycle? Cycle = null)
{
    public InitiativeCycle Progress => Cycle ?? InitiativeCycle.Empty;

    public string PhaseOn(DateOnly today) =>
        Phases.Of(Status, ThresholdReachedAt is not null, Cycle, today);

    public sealed record Member(Guid MemberId, string Position, string Contribution, DateTimeOffset JoinedAt);

    public int Partners => Members.Count(m => Positions.CountsTowardThreshold(m.Position));

    /// <summary>The initiator left without handing over: "zoekt een nieuwe initiatiefnemer".</summary>
    public bool SeeksInitiator => InitiatorId == Guid.Empty;

    public static CoalitionDetails Create(CoalitionFormed e) =>
        new(e.CoalitionId, e.QuestionId, e.FormedBy, e.Threshold, e.ClosesAt, e.Invitation, CoalitionStatus.Open, e.FormedAt, null,
            [new Member(e.FormedBy, Positions.Initiator, "", e.FormedAt)], null, e.FormedAt, 1);

    public CoalitionDetails Apply(MemberJoinedCoalition e) => Moved(e.JoinedAt) with
    {
        Members = [.. Members, new Member(e.MemberId, e.Position, e.Contribution, e.JoinedAt)],
        LastJoined = e.MemberId,
    };

    public CoalitionDetails Apply(CoalitionPositionChanged e) => Moved(e.ChangedAt) with
    {
        Members = Members.Select(m => m.MemberId == e.MemberId ? m with { Position = e.Position } : m).ToList(),
    };

    public CoalitionDetails Apply(MemberLeftCoalition e) => Moved(e.LeftAt) with
    {
        Members = Members.Where(m => m.MemberId != e.MemberId).ToList(),
        LastJoined = LastJoined == e.MemberId ? null : LastJoined,
        InitiatorId = e.MemberId == InitiatorId ? Guid.Empty : InitiatorId,
        HandoverOfferedTo = e.MemberId == HandoverOfferedTo || e.MemberId == InitiatorId ? null : HandoverOfferedTo,
    };

    public CoalitionDetails Apply(CoalitionThresholdReached e) => Moved(e.ReachedAt) with { ThresholdReachedAt = e.ReachedAt };

    public CoalitionDetails Apply(CoalitionClosed e) => Moved(e.ClosedAt) with { Status = CoalitionStatus.Closed };

    public CoalitionDetails Apply(CoalitionClosingDateExtended e) => Moved(e.ExtendedAt) with { ClosesAt = e.ClosesAt };

    public CoalitionDetails Apply(InitiativeHandoverOffered e) => Moved(e.OfferedAt) with { HandoverOfferedTo = e.OfferedTo };

    public CoalitionDetails Apply(CoalitionEndorsed e) => Moved(e.EndorsedAt) with
    {
        Endorsements = [.. (Endorsements ?? []).Where(b => b.Leader != e.EndorsedBy), new Questions.Backing(e.EndorsedBy, e.School, e.EndorsedAt)],
    };

    public CoalitionDetails Apply(CoalitionEndorsementWithdrawn e) => Moved(e.WithdrawnAt) with
    {
        Endorsements = (Endorsements ?? []).Where(b => b.Leader != e.WithdrawnBy).ToList(),
    };

    public CoalitionDetails Apply(CoalitionOfferAccepted e) => Moved(e.AcceptedAt) with
    {
        AcceptedProposalId = e.ProposalId, Cycle = Progress.Apply(e),
    };

    public CoalitionDetails Apply(ApproachRecorded e) => Moved(e.RecordedAt) with { Cycle = Progress.Apply(e) };

    public CoalitionDetails Apply(ApproachRevisionProposed e) =>
        Moved(e.ProposedAt) with { Cycle = Progress.Apply(e) };

    public CoalitionDetails Apply(ApproachRevisionAdopted e) =>
        Moved(e.AdoptedAt) with { Cycle = Progress.Apply(e) };

    public CoalitionDetails Apply(TrialAgreed e) => Moved(e.AgreedAt) with { Cycle = Progress.Apply(e) };

    public CoalitionDetails Apply(ExperienceShared e) => Moved(e.SharedAt) with { Cycle = Progress.Apply(e) };

    public CoalitionDetails Apply(TrialReviewed e) => Moved(e.ReviewedAt) with { Cycle = Progress.Apply(e) };

    public CoalitionDetails Apply(CompletionCriteriaProposed e) =>
        Moved(e.ProposedAt) with { Cycle = Progress.Apply(e) };

    public CoalitionDetails Apply(CompletionCriteriaSupported e) =>
        Moved(e.SupportedAt) with { Cycle = Progress.Apply(e) };

    public CoalitionDetails Apply(CompletionCriteriaAgreed e) =>
        Moved(e.AgreedAt) with { Cycle = Progress.Apply(e) };

    public CoalitionDetails Apply(InitiativeCompleted e) =>
        Moved(e.CompletedAt) with { Status = CoalitionStatus.Completed };

    public CoalitionDetails Apply(InitiativeUpdatePosted e) => Moved(e.PostedAt);

    public CoalitionDetails Apply(ExperienceFileAttached e) => Moved(e.AttachedAt);

    public CoalitionDetails Apply(InitiativeHandedOver e) => Moved(e.HandedOverAt) with
    {
        InitiatorId = e.To,
        HandoverOfferedTo = null,
        Members = Members.Select(m => m.MemberId == e.From ? m with { Position = Positions.Partner } : m.MemberId == e.To ? m with { Position = Positions.Initiator } : m).ToList(),
    };

    public CoalitionDetails Apply(InitiativeTakenOn e) => Moved(e.TakenOnAt) with
    {
        InitiatorId = e.MemberId,
        HandoverOfferedTo = null,
        Members = Members.Select(m => m.MemberId == e.MemberId ? m with { Position = Positions.Initiator } : m).ToList(),
    };

    private CoalitionDetails Moved(DateTimeOffset at) => this with { Version = Version + 1, LastActivityAt = at };
}
