namespace HetInitiatief.Matching;

/// <summary>
/// The matches a member received, replayed from their own stream: what the weekly cap counts. Writing a match locks
/// the member's stream, so two questions posted at the same moment cannot both take the last place of the week.
/// </summary>
public sealed record ExpertiseRequests(Guid Id, IReadOnlyList<ExpertiseRequests.Received> Matches)
{
    public sealed record Received(Guid MatchId, string Reason, bool Notified, DateTimeOffset At);

    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>Every member stream starts with the registration: nobody has been asked anything yet.</summary>
    public static ExpertiseRequests Create(Members.MemberRegistered e) => new(e.MemberId, []);

    public ExpertiseRequests Apply(MemberMatched e) =>
        this with { Matches = [.. Matches, new(e.MatchId, e.Reason, e.Notified, e.MatchedAt)] };

    /// <summary>
    /// Requests for expertise the member was told of in the seven days before <paramref name="now"/>, and any made
    /// after it: questions are matched in any order, so a question posted a moment earlier may be handled later.
    /// </summary>
    public int RequestsInWeekBefore(DateTimeOffset now) =>
        Matches.Count(m => m.Notified && CountsTowardsCap(m.Reason) && m.At > now - Week);

    public static bool CountsTowardsCap(string reason) => reason is MatchReasons.OffersTheme or MatchReasons.ProvidesTheme;

    /// <summary>
    /// A match the platform makes: once per match id, and only while the member wants to hear of it and, for a
    /// request for expertise, has not reached their cap for the week. A match is something the member is told of:
    /// over the cap nothing is recorded; the owner still sees the colleague on the question page.
    /// </summary>
    public static Decision Decide(
        ExpertiseRequests received, Guid memberId, Guid matchId, Guid questionId, Guid? coalitionId, string reason,
        bool wantsToHear, int cap, DateTimeOffset now)
    {
        if (received.Matches.Any(m => m.MatchId == matchId)) return Decision.Accept();
        var tell = wantsToHear && (!CountsTowardsCap(reason) || received.RequestsInWeekBefore(now) < cap);
        return tell
            ? Decision.Accept(new MemberMatched(memberId, matchId, questionId, coalitionId, reason, MatchedBy: null, Notified: true, now))
            : Decision.Accept();
    }
}
