using HetInitiatief.Initiative;
using HetInitiatief.Live;
using JasperFx.Events;

namespace HetInitiatief.Coalitions;

/// <summary>The push message for a coalition's meter: where it stands after the change.</summary>
public sealed record CoalitionChanged(
    Guid QuestionId, Guid CoalitionId, long Version, string Change, int Partners, int Threshold)
{
    public const string Method = "coalitionChanged";

    public static CoalitionChanged? From(IEvent e, CoalitionDetails coalition)
    {
        var change = e.Data switch
        {
            CoalitionFormed => "formed",
            MemberJoinedCoalition => "joined",
            MemberLeftCoalition => "left",
            CoalitionPositionChanged => "positionChanged",
            CoalitionThresholdReached => "thresholdReached",
            CoalitionClosed => "closed",
            CoalitionClosingDateExtended => "closingDateExtended",
            InitiativeHandoverOffered => "handoverOffered",
            InitiativeHandedOver or InitiativeTakenOn => "initiatorChanged",
            CoalitionOfferAccepted => "offerAccepted",
            CoalitionEndorsed or CoalitionEndorsementWithdrawn => "endorsed",
            ApproachRecorded or ApproachRevisionAdopted => "approachRecorded",
            ApproachRevisionProposed => "approachRevisionProposed",
            TrialAgreed => "trialAgreed",
            ExperienceShared or ExperienceFileAttached => "experienceShared",
            TrialReviewed => "trialReviewed",
            CompletionCriteriaProposed => "criteriaProposed",
            CompletionCriteriaSupported => "criteriaSupported",
            CompletionCriteriaAgreed => "criteriaAgreed",
            InitiativeCompleted => "completed",
            InitiativeUpdatePosted => "updatePosted",
            _ => null,
        };
        return change is null ? null
            : new(coalition.QuestionId, coalition.Id, e.Version, change, coalition.Partners, coalition.Threshold);
    }
}

/// <summary>The meter, from the coalition's read model as the commit wrote it, to the question's watchers.</summary>
public sealed class CoalitionPush : IPushMapper
{
    public IEnumerable<object> PushesFor(Commit commit) =>
        from written in commit.EventsWith<CoalitionDetails>(c => c.Id)
        let meter = CoalitionChanged.From(written.Event, written.Document)
        where meter is not null
        select LivePush.Of(CoalitionChanged.Method, meter, meter.CoalitionId, meter.Version,
            LiveHub.BoardGroup, LiveHub.QuestionGroup(meter.QuestionId));
}
