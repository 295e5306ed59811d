using HetInitiatief.Coalitions;
using HetInitiatief.Offers;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;

namespace HetInitiatief.Moderation;

/// <summary>Something the radar is computed from changed; the moderators' radar page fetches itself again.</summary>
public sealed record RadarChanged(string Cause)
{
    public const string Method = "radarChanged";

    public static bool IsAbout(object data) => data is QuestionPosted or FollowUpAsked or FollowUpAnswered or QuestionWithdrawn or QuestionMergedInto
        or QuestionReformulated or CoalitionFormed or MemberJoinedCoalition or MemberLeftCoalition or CoalitionPositionChanged or CoalitionThresholdReached
        or CoalitionClosed or CoalitionClosingDateExtended or ProposalMade or SessionScheduled or SessionCalledOff
        or RadarItemNudged or RadarItemTakenOn or RadarItemDismissed or ContentFlagged or ContentHidden or ContentRestored;
}
