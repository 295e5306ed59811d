using HetInitiatief.Catalogue;
using HetInitiatief.Coalitions;
using HetInitiatief.Questions;

namespace HetInitiatief.Sessions;

/// <summary>An open question on the session's theme, with its coalition's meter if it has one.</summary>
public sealed record QuestionSeekingSupply(
    Guid QuestionId, string Title, IReadOnlyList<ThemeView> Themes, string Sector, Guid? CoalitionId, int? Partners,
    int? Threshold, bool ThresholdReached, string Link);

/// <summary>
/// Open supply: a session on a theme with no question behind it. It is shown as "zoekt een vraag", and its host is
/// shown the open questions and coalitions on its theme, so the offer can find the demand it was made for — and the
/// way from there is the co-created one (propose to the coalition), not planting the session on it.
/// </summary>
public static class OpenSupply
{
    public const int Shown = 5;
    private const int Scan = 50;

    public static bool SeeksQuestion(Session session) => session.CoalitionId is null;

    /// <summary>Open questions on the theme, the host's own sector first, then coalitions nearest to going ahead.</summary>
    public static IReadOnlyList<QuestionSeekingSupply> Match(
        Session session, IEnumerable<QuestionBoardItem> questions, IEnumerable<CoalitionDetails> coalitions)
    {
        var byQuestion = coalitions.Where(c => c.Status == CoalitionStatus.Open).ToDictionary(c => c.QuestionId);
        return questions
            .Where(q => q.Status == QuestionStatus.Open && q.MergedInto is null && q.Themes.Contains(session.Theme)
                        && q.OwnerId != session.HostId)
            .OrderByDescending(q => q.Sector == session.Sector)
            .ThenByDescending(q => byQuestion.ContainsKey(q.Id))
            .ThenByDescending(q => q.LastActivityAt)
            .Take(Shown)
            .Select(q => byQuestion.GetValueOrDefault(q.Id) is { } c
                ? new QuestionSeekingSupply(q.Id, q.Title, ThemesOf(q), q.Sector, c.Id, c.Partners, c.Threshold,
                    c.ThresholdReachedAt is not null, $"/vragen/{q.Id}#coalitie")
                : new QuestionSeekingSupply(q.Id, q.Title, ThemesOf(q), q.Sector, null, null, null, false,
                    $"/vragen/{q.Id}"))
            .ToList();
    }

    private static List<ThemeView> ThemesOf(QuestionBoardItem q) =>
        [.. q.Themes.Select(t => new ThemeView(t, Themes.Name(t)))];

    public static async Task<IReadOnlyList<QuestionSeekingSupply>> MatchAsync(
        IQuerySession query, Session session, CancellationToken ct)
    {
        if (!SeeksQuestion(session)) return [];
        var hidden = await Moderation.HiddenContent.HiddenQuestionIdsAsync(query, ct);
        var questions = (await query.Query<QuestionBoardItem>()
                .Where(q => q.Status == QuestionStatus.Open && q.Themes.Contains(session.Theme))
                .OrderByDescending(q => q.LastActivityAt).Take(Scan).ToListAsync(ct))
            .Where(q => !hidden.Contains(q.Id)).ToList();
        var coalitions = questions.Count == 0 ? []
            : await query.LoadManyAsync<CoalitionDetails>(ct, questions.Select(q => Coalition.IdFor(q.Id)));
        return Match(session, questions, coalitions);
    }

    [EndpointSummary(
        "For the host of open supply: the open questions and coalitions on the session's theme (empty for a coalition's session).")]
    [WolverineGet("/api/sessions/{id}/matching-questions")]
    [Refuses(403, 404)]
    public static async Task<Answer<QuestionSeekingSupply[]>> Get(
        Guid id, ClaimsPrincipal user, IQuerySession query, CancellationToken ct)
    {
        var session = await query.LoadAsync<Session>(id, ct);
        if (session is null) return Problem.NotFound(Session.NotFound);
        if (HostActions.MustBeHost(session, user.MemberId(), "zien welke vragen bij de bijeenkomst passen") is { } refused)
            return refused;
        return (await MatchAsync(query, session, ct)).ToArray();
    }
}
