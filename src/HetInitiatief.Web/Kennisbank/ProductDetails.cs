namespace HetInitiatief.Kennisbank;

public sealed record ProductVersion(int Revision, Guid By, string Title, string Body, DateTimeOffset At);

public sealed record AttachmentInfo(Guid Id, string FileName, string ContentType, long Size, Guid AddedBy,
    DateTimeOffset AddedAt);

public sealed record ProductUse(Guid MemberId, string Note, DateTimeOffset At);

/// <summary>
/// Everything the product page and the lists show, projected inline from the product's stream so a page reads it
/// straight after a write. Names are not kept, only ids: a departed member's name is never stored here to forget.
/// <see cref="SearchText"/> holds the current title and body and the attachments' file names, for Dutch full-text
/// search.
/// </summary>
public sealed record ProductDetails(
    Guid Id, Guid CreatorId, string Kind, string Title, string Body, IReadOnlyList<string> Themes, string Sector,
    string Visibility, Guid? QuestionId, Guid? CoalitionId, string? TrialId, IReadOnlyList<Guid> Authors,
    IReadOnlyList<Guid> Invited, IReadOnlyList<ProductVersion> Versions, IReadOnlyList<AttachmentInfo> Attachments,
    IReadOnlyList<ProductUse> Uses, DateTimeOffset PublishedAt, DateTimeOffset LastChangedAt, long Version,
        string SearchText)
{
    public const int SummaryLength = 240;

    public static ProductDetails Create(ProductPublished e) =>
        new ProductDetails(e.ProductId, e.PublishedBy, e.Kind, e.Title, e.Body, e.Themes, e.Sector, e.Visibility,
            e.QuestionId, e.CoalitionId, e.TrialId, [e.PublishedBy], [],
            [new(1, e.PublishedBy, e.Title, e.Body, e.PublishedAt)],
            [], [], e.PublishedAt, e.PublishedAt, 1, "").Searchable();

    public ProductDetails Apply(ProductRevised e) => (this with
    {
        Kind = e.Kind, Title = e.Title, Body = e.Body, Themes = e.Themes, Sector = e.Sector, Visibility = e.Visibility,
        Versions = [.. Versions, new(e.Revision, e.RevisedBy, e.Title, e.Body, e.RevisedAt)],
    }).Moved(e.RevisedAt);

    public ProductDetails Apply(CoAuthorInvited e) =>
        (this with { Invited = [.. Invited, e.MemberId] }).Moved(e.InvitedAt);

    public ProductDetails Apply(CoAuthorAccepted e) => (this with
    {
        Invited = [.. Invited.Where(m => m != e.MemberId)], Authors = [.. Authors, e.MemberId],
    }).Moved(e.AcceptedAt);

    public ProductDetails Apply(CoAuthorDeclined e) =>
        (this with { Invited = [.. Invited.Where(m => m != e.MemberId)] }).Moved(e.DeclinedAt);

    public ProductDetails Apply(AttachmentAdded e) => (this with
    {
        Attachments = [.. Attachments, new(e.AttachmentId, e.FileName, e.ContentType, e.Size, e.AddedBy, e.AddedAt)],
    }).Moved(e.AddedAt);

    public ProductDetails Apply(ProductUsed e) =>
        (this with { Uses = [.. Uses, new(e.UsedBy, e.Note, e.UsedAt)] }).Moved(e.UsedAt);

    public bool IsPublic => Visibility == ProductRules.Public;

    public int UseCount => Uses.Count;

    public string Summary
    {
        get
        {
            if (Body.Length <= SummaryLength) return Body;
            var lastSpace = Body.LastIndexOf(' ', SummaryLength - 1);
            return Body[..(lastSpace > 0 ? lastSpace : SummaryLength)] + "…";
        }
    }

    // Every event moves the version by one: the page's expectedVersion and the live push's order both count events.
    private ProductDetails Moved(DateTimeOffset at) =>
        (this with { Version = Version + 1, LastChangedAt = at }).Searchable();

    private ProductDetails Searchable() =>
        this with { SearchText = string.Join('\n', [Title, Body, .. Attachments.Select(a => Words(a.FileName))]) };

    // File names split on their separators, so "woordweb_groep5.pdf" is found by "woordweb" and "groep5".
    private static string Words(string fileName) => fileName.Replace('_', ' ').Replace('.', ' ').Replace('-', ' ');
}
