using HetInitiatief.Catalogue;
using HetInitiatief.Members;
using HetInitiatief.Questions;
using Marten.Linq.MatchesSql;

namespace HetInitiatief.Kennisbank;

public sealed record ProductCard(
    Guid Id, string Kind, string KindName, string Title, string Summary, IReadOnlyList<ThemeView> Themes, string Sector,
    string Visibility, IReadOnlyList<Person> Authors, int AttachmentCount, int UseCount, DateTimeOffset LastChangedAt);

/// <summary>What to look for in the kennisbank; every part is optional.</summary>
public sealed record ProductSearch(
    string? Text = null, string? Theme = null, string? Sector = null, Guid? QuestionId = null, Guid? CoalitionId = null,
    bool AnyWord = false, int Limit = SearchProducts.PageSize);

/// <summary>
/// Finding products: the kennisbank's search (Dutch full-text over title, body and attachment names, filtered by theme
/// and sector), what a question or coalition made, and what matches a question still being written.
/// A visitor finds public products only; hidden ones nobody finds.
/// </summary>
public static class SearchProducts
{
    public const int PageSize = 30;
    public const int SimilarLimit = 4;

    [AllowAnonymous]
    [EndpointSummary("Search the kennisbank: q (Dutch full-text over title, text and attachment names), theme, sector, "
        + "question, coalition. Visitors find public products only.")]
    [WolverineGet("/api/kennisbank")]
    [Refuses(400)]
    public static async Task<Answer<IReadOnlyList<ProductCard>>> Search(
        string? q, string? theme, string? sector, string? question, string? coalition, ClaimsPrincipal user,
        IQuerySession session, CancellationToken ct)
    {
        if (CheckFilters(theme, sector) is { } invalid) return invalid;
        // Ids as text, so a malformed one gets a Dutch answer naming it instead of the framework's English.
        var (questionId, coalitionId) = (IdFilter("question", question), IdFilter("coalition", coalition));
        if ((questionId.Problem ?? coalitionId.Problem) is { } badId) return badId;
        return Answer.Of(await FindAsync(session,
            new ProductSearch(q, theme, sector, questionId.Value, coalitionId.Value), user.IsSignedIn(), ct));
    }

    private static Outcome<Guid?> IdFilter(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? (Guid?)null
        : Guid.TryParse(value, out var id) ? (Guid?)id
        : Problem.Invalid(field, "Geef een id zoals het in een adres van Het Initiatief staat.");

    [AllowAnonymous]
    [EndpointSummary("Products that match a question still being written (text and comma-separated themes), for the "
        + "posting form.")]
    [WolverineGet("/api/kennisbank/similar")]
    [Refuses(400)]
    public static async Task<Answer<IReadOnlyList<ProductCard>>> Similar(
        string? text, string? themes, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var codes = (themes ?? "").Split(',',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (codes.FirstOrDefault(c => !Themes.IsKnown(c)) is { } unknown) return Problem.Invalid("themes",
            $"Onbekend thema: {unknown}.");
        return Answer.Of(await ForDraftAsync(session, text ?? "", user.IsSignedIn(), ct));
    }

    public static Problem? CheckFilters(string? theme, string? sector) =>
        new FieldRules()
            .Check(string.IsNullOrEmpty(theme) || Themes.IsKnown(theme), "theme", $"Onbekend thema: {theme}.")
            .Check(string.IsNullOrEmpty(sector) || Sectors.IsKnown(sector), "sector", Sectors.Unknown)
            .Problem;

    /// <summary>
    /// Products whose words match a draft question: any of its words, best match first. Themes alone are too loose
    /// to put material beside a question, so only words count here.
    /// </summary>
    public static Task<IReadOnlyList<ProductCard>> ForDraftAsync(IQuerySession session, string text, bool member,
        CancellationToken ct) =>
        SimilarQuestions.AnyWordQuery(text) is null
            ? Task.FromResult<IReadOnlyList<ProductCard>>([])
            : FindAsync(session, new ProductSearch(text, AnyWord: true, Limit: SimilarLimit), member, ct);

    public static Task<IReadOnlyList<ProductCard>> ProductsOfQuestionAsync(IQuerySession session, Guid questionId,
        bool member, CancellationToken ct) =>
        FindAsync(session, new ProductSearch(QuestionId: questionId), member, ct);

    public static Task<IReadOnlyList<ProductCard>> ProductsOfCoalitionAsync(IQuerySession session, Guid coalitionId,
        bool member, CancellationToken ct) =>
        FindAsync(session, new ProductSearch(CoalitionId: coalitionId), member, ct);

    public static async Task<IReadOnlyList<ProductCard>> FindAsync(
        IQuerySession session, ProductSearch search, bool member, CancellationToken ct)
    {
        var config = KennisbankConfiguration.TextSearchConfig;
        IQueryable<ProductDetails> query = session.Query<ProductDetails>();
        if (!member) query = query.Where(p => p.Visibility == ProductRules.Public);
        if (!string.IsNullOrEmpty(search.Theme)) query = query.Where(p => p.Themes.Contains(search.Theme));
        if (!string.IsNullOrEmpty(search.Sector)) query = query.Where(p => p.Sector == search.Sector);
        if (search.QuestionId is { } questionId) query = query.Where(p => p.QuestionId == questionId);
        if (search.CoalitionId is { } coalitionId) query = query.Where(p => p.CoalitionId == coalitionId);

        var words = search.AnyWord ? SimilarQuestions.AnyWordQuery(search.Text
            ?? "") : QuestionBoard.PrefixQuery(search.Text);
        IReadOnlyList<ProductDetails> found;
        if (words is not null)
        {
            var matches = $"to_tsvector('{config}', data ->> 'SearchText') @@ to_tsquery('{config}', ?)";
            // Best match first: ts_rank cannot be ordered by through LINQ, so the matches are ranked here; a match
            // list is small (a page), and the query already narrowed it.
            var candidates = await query.Where(p => p.MatchesSql(matches, words)).Take(200).ToListAsync(ct);
            found = Rank(candidates, search.Text ?? "").Take(search.Limit).ToList();
        }
        else found = await query.OrderByDescending(p => p.LastChangedAt).Take(search.Limit).ToListAsync(ct);

        var hidden = await ProductModeration.HiddenAmongAsync(session, found.Select(p => p.Id), ct);
        var shown = found.Where(p => !hidden.Contains(p.Id)).ToList();
        var names = await MemberProfile.NamesAsync(session, shown.SelectMany(p => p.Authors), ct);
        return [.. shown.Select(p => new ProductCard(
            p.Id, p.Kind, ProductRules.KindName(p.Kind), p.Title, p.Summary, [.. p.Themes.Select(t => new ThemeView(t,
                Themes.Name(t)))],
            p.Sector, p.Visibility, [.. p.Authors.Select(a => Person.Of(a, names))], p.Attachments.Count, p.UseCount,
                p.LastChangedAt))];
    }

    /// <summary>More of the searched words in the title first, then in the rest; the newest among equals.</summary>
    private static IEnumerable<ProductDetails> Rank(IEnumerable<ProductDetails> products, string text)
    {
        var words = System.Text.RegularExpressions.Regex.Matches(text.ToLowerInvariant(), @"[\p{L}\p{N}]{4,}")
            .Select(m => m.Value[..Math.Min(m.Value.Length, 5)]).Distinct().ToList();
        int Score(ProductDetails p) =>
            words.Count(w => p.Title.Contains(w, StringComparison.OrdinalIgnoreCase)) * 2
            + words.Count(w => p.SearchText.Contains(w, StringComparison.OrdinalIgnoreCase));
        return products.OrderByDescending(Score).ThenByDescending(p => p.LastChangedAt);
    }
}

public sealed record ProductLink(Guid Id, string Title, string Kind);

/// <summary>The newest products of each theme, for the theme page: a few titles per theme, not whole cards.</summary>
public static class ProductsPerTheme
{
    public const int PerTheme = 3;

    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<ProductLink>>> ReadAsync(
        IQuerySession session, bool member, CancellationToken ct)
    {
        var found = new Dictionary<string, IReadOnlyList<ProductLink>>();
        foreach (var theme in Themes.All.Keys)
        {
            var query = session.Query<ProductDetails>().Where(p => p.Themes.Contains(theme));
            if (!member) query = query.Where(p => p.Visibility == ProductRules.Public);
            // One more than shown, so one hidden product does not leave the theme a title short. Titles only: a
            // product's document holds every version's text.
            found[theme] = await query.OrderByDescending(p => p.LastChangedAt).Take(PerTheme + 1)
                .Select(p => new ProductLink(p.Id, p.Title, p.Kind)).ToListAsync(ct);
        }
        var hidden = await ProductModeration.HiddenAmongAsync(session, found.Values.SelectMany(l => l.Select(p =>
            p.Id)).Distinct(), ct);
        return found.ToDictionary(f => f.Key, f => (IReadOnlyList<ProductLink>)[.. f.Value.Where(p =>
            !hidden.Contains(p.Id)).Take(PerTheme)]);
    }
}
