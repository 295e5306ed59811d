using System.Text.RegularExpressions;
using HetInitiatief.Catalogue;
using HetInitiatief.Coalitions;
using HetInitiatief.Members;
using Marten.Linq.MatchesSql;

namespace HetInitiatief.Questions;

public sealed record BoardCard(
    Guid Id, string Title, string Summary, Person Owner, IReadOnlyList<ThemeView> Themes, string Sector, string Status,
    int FollowUpCount, int UnansweredFollowUpCount, int FormulationVersion, bool HasGoal, DateTimeOffset PostedAt,
    DateTimeOffset LastActivityAt, long Version, CoalitionMeter? Coalition, Guid? MergedInto = null);

/// <remarks><c>MyThemes</c> is set only for <c>theme=mijn</c>: the themes the filter used (empty: the member follows none).</remarks>
public sealed record BoardPage(IReadOnlyList<BoardCard> Questions, int Page, bool HasMore, IReadOnlyList<ThemeView>? MyThemes = null);

public static class QuestionBoard
{
    public const int PageSize = 30;
    public const string AnyStatus = "all";

    /// <summary>The theme filter's value for "the themes I follow" (narrowed to the sectors I follow, if any).</summary>
    public const string MyThemes = "mijn";

    /// <summary>The board: newest activity first, filtered by theme, sector and status, searched in Dutch.</summary>
    [EndpointSummary("The board: newest activity first; filter by theme (a code, or \"mijn\" for the themes you follow), sector, "
        + "status (open, withdrawn, all) and Dutch full-text q.")]
    [WolverineGet("/api/questions")]
    [Refuses(400)]
    public static async Task<Answer<BoardPage>> Get(
        string? theme, string? sector, string? status, string? q, int? page, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var outcome = await QueryAsync(theme, sector, status, q, page, session, ct, user.MemberId());
        return outcome.Answer();
    }

    public static async Task<Outcome<BoardPage>> QueryAsync(
        string? theme, string? sector, string? status, string? q, int? page, IQuerySession session, CancellationToken ct,
        Guid? viewer = null)
    {
        status = string.IsNullOrWhiteSpace(status) ? QuestionStatus.Open : status;
        var invalid = new FieldRules()
            .Check(string.IsNullOrEmpty(theme) || Themes.IsKnown(theme) || theme == MyThemes, "theme", "Onbekend thema.")
            .Check(string.IsNullOrEmpty(sector) || Sectors.IsKnown(sector), "sector", Sectors.Unknown)
            .Check(status == AnyStatus || QuestionStatus.All.Contains(status), "status", "Kies open, withdrawn of all.")
            .Check((q?.Length ?? 0) <= 200, "q", "Een zoekopdracht mag hoogstens 200 tekens hebben.")
            .Check(page is null or >= 1, "page", "Pagina's beginnen bij 1.")
            .Problem;
        if (invalid is not null) return invalid;

        var query = session.Query<QuestionBoardItem>().AsQueryable();
        IReadOnlyList<ThemeView>? myThemes = null;
        if (theme == MyThemes)
        {
            var me = viewer is { } id ? await session.LoadAsync<MemberProfile>(id, ct) : null;
            myThemes = FollowThemeEndpoints.ThemesOf(me);
            // Following nothing yet: an empty board, and the page explains how to follow themes.
            if (myThemes.Count == 0) return new BoardPage([], page ?? 1, false, myThemes);
            var codes = myThemes.Select(t => t.Code).ToArray();
            query = query.Where(x => x.Themes.Any(t => codes.Contains(t)));
            if (me!.FollowedSectors is { Count: > 0 } sectors)
            {
                var sectorCodes = sectors.ToArray();
                query = query.Where(x => sectorCodes.Contains(x.Sector));
            }
        }
        else if (!string.IsNullOrEmpty(theme)) query = query.Where(x => x.Themes.Contains(theme));
        if (!string.IsNullOrEmpty(sector)) query = query.Where(x => x.Sector == sector);
        if (status != AnyStatus) query = query.Where(x => x.Status == status);
        // What the moderation hid is not on the board; its author still finds it through their own pages.
        var hidden = await Moderation.HiddenContent.HiddenQuestionIdsAsync(session, ct);
        if (hidden.Count > 0) query = query.Where(x => !x.Id.IsOneOf(hidden.ToArray()));
        if (PrefixQuery(q) is { } tsquery)
        {
            query = query.Where(x => x.MatchesSql(
                $"to_tsvector('{QuestionsConfiguration.TextSearchConfig}', data ->> 'SearchText') @@ to_tsquery('{QuestionsConfiguration.TextSearchConfig}', ?)", tsquery));
        }

        var pageNumber = page ?? 1;
        var items = await query.OrderByDescending(x => x.LastActivityAt)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);

        var names = await MemberProfile.NamesAsync(session, items.Select(i => i.OwnerId), ct);
        var meters = await CoalitionMeter.ForQuestionsAsync(session, items.Select(i => i.Id), ct);
        var cards = items.Take(PageSize).Select(i => new BoardCard(
            i.Id, i.Title, i.Summary, Person.Of(i.OwnerId, names),
            i.Themes.Select(t => new ThemeView(t, Themes.Name(t))).ToList(), i.Sector, i.Status, i.FollowUpCount,
            i.UnansweredFollowUpCount, i.FormulationVersion, i.HasGoal, i.PostedAt, i.LastActivityAt, i.Version, meters.GetValueOrDefault(i.Id), i.MergedInto)).ToList();
        return new BoardPage(cards, pageNumber, items.Count > PageSize, myThemes);
    }

    /// <summary>
    /// Every word as a prefix, all required: Dutch glues words together, and a teacher searching for
    /// "woordenschat" wants the question about "woordenschatlessen" too. Only letters and digits pass,
    /// so the user's text can never be read as tsquery syntax.
    /// </summary>
    public static string? PrefixQuery(string? text)
    {
        var words = Regex.Matches(text ?? "", @"[\p{L}\p{N}]+").Select(m => m.Value.ToLowerInvariant() + ":*").ToList();
        return words.Count == 0 ? null : string.Join(" & ", words);
    }
}
