using Marten;

namespace HetInitiatief.Matching;

/// <summary>Why the makelfunctie brought a member to a question or coalition.</summary>
public static class MatchReasons
{
    /// <summary>The member offers one of the question's themes on their profile ("wat ik aanbied").</summary>
    public const string OffersTheme = "offersTheme";

    /// <summary>The member is a provider for one of the question's themes.</summary>
    public const string ProvidesTheme = "providesTheme";

    /// <summary>The member asked a similar open question.</summary>
    public const string SimilarQuestion = "similarQuestion";

    /// <summary>The member follows the theme of a coalition that is one or two partners short.</summary>
    public const string FollowsTheme = "followsTheme";

    /// <summary>A moderator nudged the member from the radar.</summary>
    public const string Nudged = "nudged";
}

/// <summary>
/// The makelfunctie matched a member to a question (and its coalition), on the member's stream. <c>MatchedBy</c> is null
/// when the platform made the match by itself, or the moderator who did. <c>Notified</c> is false when the member was
/// matched but not told: they switched the kind off, or reached their weekly cap.
/// </summary>
public sealed record MemberMatched(
    Guid MemberId, Guid MatchId, Guid QuestionId, Guid? CoalitionId, string Reason, Guid? MatchedBy, bool Notified,
    DateTimeOffset MatchedAt);
