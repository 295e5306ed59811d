using System.Text.RegularExpressions;
using HetInitiatief.Catalogue;
using HetInitiatief.Coalitions;
using HetInitiatief.Members;

namespace HetInitiatief.Questions;

public sealed record SimilarQuestion(Guid Id, string Title, string Summary, Person Owner, IReadOnlyList<ThemeView> Themes, CoalitionMeter? Coalition, bool Linked);

/// <summary>
/// The makelfunctie: open questions that look like this one — shared themes, and words in common by
/// Dutch full-text search — so a teacher joins an existing coalition instead of starting a duplicate.
/// </summary>
public static class SimilarQuestions
{
    public const int Limit = 5;

    /// <summary>
    /// How many of the most recently active questions sharing a theme the makelfunctie compares a new question with:
    /// enough for the live look-alikes, few enough that a post costs the same at 200 questions as at 20,000.
    /// </summary>
    public const int CloseCandidates = 50;

    [EndpointSummary("Open questions (and their coalitions) that look like this one, most alike first; linked ones are marked.")]
    [WolverineGet("/api/questions/{id}/similar")]
    [Refuses(404)]
    public static async Task<Answer<IReadOnlyList<SimilarQuestion>>> ForQuestion(
        Guid id, IQuerySession session, CancellationToken ct)
    {
        var details = await session.LoadAsync<QuestionDetails>(id, ct);
        if (details is null) return Problem.NotFound(QuestionRules.NotFound);
        return Answer.Of(await FindAsync(session, $"{details.Title} {details.Context}", details.Themes, id, details.Links ?? [], ct));
    }

    [EndpointSummary("Open questions that look like a question still being written (title/text and themes), for the posting form.")]
    [WolverineGet("/api/questions/similar")]
    [Refuses(400)]
    public static async Task<Answer<IReadOnlyList<SimilarQuestion>>> ForDraft(
        string? text, string? themes, IQuerySession session, CancellationToken ct)
    {
        var codes = (themes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        // An unknown theme is refused like everywhere else, not silently left out of the search.
        if (codes.FirstOrDefault(c => !Themes.IsKnown(c)) is { } unknown)
            return Problem.Invalid("themes", $"Onbekend thema: {unknown}.");
        return Answer.Of(await FindAsync(session, text ?? "", codes, null, [], ct));
    }

    /// <param name="closely">
    /// Both a theme and words in common: strict enough to tell another teacher, where the page's list may be looser.
    /// </param>
    public static async Task<IReadOnlyList<SimilarQuestion>> FindAsync(
        IQuerySession session, string text, IReadOnlyList<string> themes, Guid? except, IReadOnlyList<Guid> linked, CancellationToken ct,
        bool closely = false)
    {
        var words = AnyWordQuery(text);
        if (words is null && themes.Count == 0) return [];
        if (closely && (words is null || themes.Count == 0)) return [];

        var table = $"{Database.Schema}.mt_doc_questionboarditem";
        var items = closely
            ? await NewestCloselyAlikeAsync(session, table, words!, themes, except, ct)
            : await NewestAlikeAsync(session, table, words, themes, except, ct);

        var names = await MemberProfile.NamesAsync(session, items.Select(i => i.OwnerId), ct);
        var meters = await CoalitionMeter.ForQuestionsAsync(session, items.Select(i => i.Id), ct);
        return items.Select(i => new SimilarQuestion(
            i.Id, i.Title, i.Summary, Person.Of(i.OwnerId, names),
            i.Themes.Select(t => new ThemeView(t, Themes.Name(t))).ToList(), meters.GetValueOrDefault(i.Id), linked.Contains(i.Id))).ToList();
    }

    /// <summary>
    /// The question page's and the posting form's list: open questions sharing a theme or words, most alike first. Themes
    /// in common weigh 0.2 each; the text rank (0..~1) adds to that. Ranking every open question parsed every question's
    /// text on each page view, so the page slowed down with the history (issue 16): the candidates are now the
    /// <see cref="CloseCandidates"/> most recently active questions sharing a theme (the LastActivityAt index) and as
    /// many matching a word (the full-text index), each parsed once to rank it.
    /// </summary>
    private static async Task<IReadOnlyList<QuestionBoardItem>> NewestAlikeAsync(
        IQuerySession session, string table, string? words, IReadOnlyList<string> themes, Guid? except, CancellationToken ct)
    {
        var config = QuestionsConfiguration.TextSearchConfig;
        var lastActivity = $"{Database.Schema}.mt_immutable_timestamptz(data ->> 'LastActivityAt')";
        return await session.QueryAsync<QuestionBoardItem>($"""
            select data from {table} q,
                lateral to_tsvector('{config}', q.data ->> 'SearchText') words,
                lateral to_tsquery('{config}', ?) wanted
            where q.id in (
                (select id from {table} where id <> ? and jsonb_exists_any(data -> 'Themes', ?)
                 order by {lastActivity} desc limit {CloseCandidates})
                union
                (select id from {table} where id <> ? and to_tsvector('{config}', data ->> 'SearchText') @@ to_tsquery('{config}', ?)
                 order by {lastActivity} desc limit {CloseCandidates}))
              and q.data ->> 'Status' = 'open'
            order by (select count(*) from jsonb_array_elements_text(q.data -> 'Themes') t where t = any(?)) * 0.2
                   + ts_rank(words, wanted) desc,
                     {lastActivity} desc
            limit {Limit}
            """, ct, words ?? "", except ?? Guid.Empty, themes.ToArray(), except ?? Guid.Empty, words ?? "", themes.ToArray());
    }

    /// <summary>
    /// The makelfunctie's search, run for every posted question: only the <see cref="CloseCandidates"/> most recently
    /// active questions sharing a theme are compared. Comparing every question with a theme and a word in common
    /// parsed each one's text twice (filter and rank), so each post cost PostgreSQL ≈ 35 µs per question ever posted in
    /// its theme (docs/performance.md). Each candidate's text is parsed once (the lateral join), for the filter and the
    /// rank alike: parsing is what this query costs (issue 16). The candidates come from a subquery with a limit, which PostgreSQL plans on its
    /// own: a walk down the LastActivityAt index, also under a generic plan. The status is checked outside it, since the
    /// planner cannot estimate that JSON condition and would scan and sort the whole table instead.
    /// </summary>
    private static async Task<IReadOnlyList<QuestionBoardItem>> NewestCloselyAlikeAsync(
        IQuerySession session, string table, string words, IReadOnlyList<string> themes, Guid? except, CancellationToken ct)
    {
        var config = QuestionsConfiguration.TextSearchConfig;
        var lastActivity = $"{Database.Schema}.mt_immutable_timestamptz(data ->> 'LastActivityAt')";
        return await session.QueryAsync<QuestionBoardItem>($"""
            select data from (
                select data from {table} where id <> ? and jsonb_exists_any(data -> 'Themes', ?)
                order by {lastActivity} desc limit {CloseCandidates}) newest,
                lateral to_tsvector('{config}', data ->> 'SearchText') words,
                lateral to_tsquery('{config}', ?) wanted
            where data ->> 'Status' = 'open' and words @@ wanted
            order by (select count(*) from jsonb_array_elements_text(data -> 'Themes') t where t = any(?)) * 0.2
                   + ts_rank(words, wanted) desc,
                     {lastActivity} desc
            limit {Limit}
            """, ct, except ?? Guid.Empty, themes.ToArray(), words, themes.ToArray());
    }

    /// <summary>The text's words of four letters or more, any of which may match; only letters and digits pass.</summary>
    public static string? AnyWordQuery(string text)
    {
        var words = Regex.Matches(text, @"[\p{L}\p{N}]{4,}").Select(m => m.Value.ToLowerInvariant()).Distinct().Take(16).ToList();
        return words.Count == 0 ? null : string.Join(" | ", words);
    }
}
