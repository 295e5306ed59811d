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

        // Themes in common weigh 0.2 each; the text rank (0..~1) adds to that.
        var table = $"{Database.Schema}.mt_doc_questionboarditem";
        var config = QuestionsConfiguration.TextSearchConfig;
        var items = closely
            ? await NewestCloselyAlikeAsync(session, table, words!, themes, except, ct)
            : await session.QueryAsync<QuestionBoardItem>($"""
                select data from {table}
                where id <> ? and data ->> 'Status' = 'open'
                  and (jsonb_exists_any(data -> 'Themes', ?)
                       or to_tsvector('{config}', data ->> 'SearchText') @@ to_tsquery('{config}', ?))
                order by (select count(*) from jsonb_array_elements_text(data -> 'Themes') t where t = any(?)) * 0.2
                       + ts_rank(to_tsvector('{config}', data ->> 'SearchText'), to_tsquery('{config}', ?)) desc,
                         data ->> 'LastActivityAt' desc
                limit {Limit}
                """, ct, except ?? Guid.Empty, themes.ToArray(), words ?? "", themes.ToArray(), words ?? "");

        var names = await MemberProfile.NamesAsync(session, items.Select(i => i.OwnerId), ct);
        var meters = await CoalitionMeter.ForQuestionsAsync(session, items.Select(i => i.Id), ct);
        return items.Select(i => new SimilarQuestion(
            i.Id, i.Title, i.Summary, Person.Of(i.OwnerId, names),
            i.Themes.Select(t => new ThemeView(t, Themes.Name(t))).ToList(), meters.GetValueOrDefault(i.Id), linked.Contains(i.Id))).ToList();
    }

    /// <summary>
    /// The makelfunctie's search, run for every posted question: only the <see cref="CloseCandidates"/> most recently
    /// active questions sharing a theme are compared. Comparing every question with a theme and a word in common
    /// parsed each one's text twice (filter and rank), so each post cost PostgreSQL ≈ 35 µs per question ever posted in
    /// its theme (docs/performance.md). The candidates come from a subquery with a limit, which PostgreSQL plans on its
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
                order by {lastActivity} desc limit {CloseCandidates}) newest
            where data ->> 'Status' = 'open'
              and to_tsvector('{config}', data ->> 'SearchText') @@ to_tsquery('{config}', ?)
            order by (select count(*) from jsonb_array_elements_text(data -> 'Themes') t where t = any(?)) * 0.2
                   + ts_rank(to_tsvector('{config}', data ->> 'SearchText'), to_tsquery('{config}', ?)) desc,
                     {lastActivity} desc
            limit {Limit}
            """, ct, except ?? Guid.Empty, themes.ToArray(), words, themes.ToArray(), words);
    }

    /// <summary>The text's words of four letters or more, any of which may match; only letters and digits pass.</summary>
    public static string? AnyWordQuery(string text)
    {
        var words = Regex.Matches(text, @"[\p{L}\p{N}]{4,}").Select(m => m.Value.ToLowerInvariant()).Distinct().Take(16).ToList();
        return words.Count == 0 ? null : string.Join(" | ", words);
    }
}
