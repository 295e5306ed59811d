using JasperFx.Events.Projections;
using Marten.Events.Projections;

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
/// The makelfunctie matched a member to a question (and its coalition), on the member's stream; a moderator's nudge
/// about something other than a question has no question. <c>MatchedBy</c> is null
/// when the platform made the match by itself, or the moderator who did. <c>Notified</c> is false when the member was
/// matched but not told: they switched the kind off, or reached their weekly cap.
/// </summary>
public sealed record MemberMatched(
    Guid MemberId, Guid MatchId, Guid? QuestionId, Guid? CoalitionId, string Reason, Guid? MatchedBy, bool Notified,
    DateTimeOffset MatchedAt);

/// <summary>One match as the question's owner, the moderators and the health dashboard read it (id = the match's).</summary>
public sealed record Match(
    Guid Id, Guid MemberId, Guid? QuestionId, Guid? CoalitionId, string Reason, Guid? MatchedBy, bool Notified, DateTimeOffset At)
{
    public bool ByPlatform => MatchedBy is null;
}

/// <summary>Inline, so a retried message finds the match it already made and makes it no second time.</summary>
public sealed partial class MatchProjection : EventProjection
{
    public MatchProjection() => Name = "Matches";

    public Match Create(MemberMatched e) =>
        new(e.MatchId, e.MemberId, e.QuestionId, e.CoalitionId, e.Reason, e.MatchedBy, e.Notified, e.MatchedAt);
}

public sealed class MatchingConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Projections.Add(new MatchProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Match>().Index(m => m.QuestionId).Index(m => m.MemberId);
    }
}
