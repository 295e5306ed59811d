using HetInitiatief.Catalogue;
using HetInitiatief.Members;
using HetInitiatief.Questions;

namespace HetInitiatief.Kennisbank;

public sealed record ProductVersionView(int Revision, Person By, string Title, string Body, DateTimeOffset At);

public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size, string Url);

public sealed record UseView(Person By, string Note, DateTimeOffset At);

public sealed record ProductView(
    Guid Id, string Kind, string KindName, string Title, string Body, IReadOnlyList<ThemeView> Themes, string Sector,
    string SectorName, string Visibility, Guid? QuestionId, Guid? CoalitionId, string? TrialId,
    IReadOnlyList<Person> Authors, IReadOnlyList<Person> Invited, IReadOnlyList<ProductVersionView> Versions,
    IReadOnlyList<AttachmentView> Attachments,
    int UseCount, IReadOnlyList<UseView> Uses, bool UsedByMe, bool IsAuthor, bool IsInvited, long Version,
    DateTimeOffset PublishedAt, DateTimeOffset LastChangedAt);

/// <summary>Reading a product: who may, and what they see.</summary>
public static class GetProductEndpoint
{
    public static readonly Problem MembersOnly =
        Problem.Unauthorized("Dit product is alleen voor leden. Log in om het te bekijken.");

    /// <summary>
    /// A public product is for everyone, a members' product for signed-in members; anything hidden by moderation only
    /// for its authors. Everything that shows a product (its page, its files, a list, the API) asks this.
    /// </summary>
    public static Problem? MayRead(ProductDetails? product, Guid viewerId, bool hidden) =>
        product is null ? Problem.NotFound(ProductRules.NotFound)
        : hidden && !product.Authors.Contains(viewerId) ? Problem.NotFound(ProductRules.NotFound)
        : !product.IsPublic && viewerId == Guid.Empty ? MembersOnly
        : null;

    [AllowAnonymous]
    [EndpointSummary("A product: its text, versions, co-authors, attachments and how often it was used. Members-only "
        + "products need a member.")]
    [WolverineGet("/api/kennisbank/{id}")]
    [Refuses(401, 404)]
    public static async Task<Answer<ProductView>> Get(Guid id, ClaimsPrincipal user, IQuerySession session,
        CancellationToken ct) =>
        (await ReadAsync(session, id, user.MemberId(), ct)).Answer();

    [AllowAnonymous]
    [EndpointSummary("Download an attachment of a product, as an attachment with its stored content type.")]
    [WolverineGet("/api/kennisbank/{id}/attachments/{attachmentId}")]
    [FileFormat("application/octet-stream")]
    [Refuses(401, 404)]
    public static async Task<Download> Attachment(
        Guid id, Guid attachmentId, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var product = await session.LoadAsync<ProductDetails>(id, ct);
        var hidden = await ProductModeration.IsHiddenAsync(session, id, ct);
        if (MayRead(product, user.MemberId(), hidden) is { } refused) return refused;
        if (product!.Attachments.All(a => a.Id != attachmentId)) return Problem.NotFound("Deze bijlage bestaat niet.");
        var file = await session.LoadAsync<StoredFile>(attachmentId, ct);
        return file is null || file.OwnerId != id
            ? Problem.NotFound("Deze bijlage bestaat niet.")
            : Attachments.Serve(file);
    }

    public static async Task<Outcome<ProductView>> ReadAsync(IQuerySession session, Guid id, Guid viewerId,
        CancellationToken ct)
    {
        var product = await session.LoadAsync<ProductDetails>(id, ct);
        var hidden = await ProductModeration.IsHiddenAsync(session, id, ct);
        if (MayRead(product, viewerId, hidden) is { } refused) return refused;
        return await ViewAsync(session, product!, viewerId, ct);
    }

    public static async Task<ProductView> ViewAsync(IQuerySession session, ProductDetails p, Guid viewerId,
        CancellationToken ct)
    {
        var names = await MemberProfile.NamesAsync(session,
            [.. p.Authors, .. p.Invited, .. p.Versions.Select(v => v.By), .. p.Uses.Select(u => u.MemberId)], ct);
        // Who used it and why is for members; a visitor sees how often.
        var uses = viewerId == Guid.Empty ? [] : p.Uses.Where(u => u.Note.Length > 0)
            .Select(u => new UseView(Person.Of(u.MemberId, names), u.Note, u.At)).ToList();
        return new ProductView(
            p.Id, p.Kind, ProductRules.KindName(p.Kind), p.Title, p.Body,
            [.. p.Themes.Select(t => new ThemeView(t, Themes.Name(t)))],
            p.Sector, Sectors.Name(p.Sector), p.Visibility, p.QuestionId, p.CoalitionId, p.TrialId,
            [.. p.Authors.Select(a => Person.Of(a, names))], [.. p.Invited.Select(a => Person.Of(a, names))],
            [.. p.Versions.OrderByDescending(v => v.Revision)
                .Select(v => new ProductVersionView(v.Revision, Person.Of(v.By, names), v.Title, v.Body, v.At))],
            [.. p.Attachments.Select(a =>
                new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, AttachmentUrl(p.Id, a.Id)))],
            p.UseCount, uses, p.Uses.Any(u => u.MemberId == viewerId),
            p.Authors.Contains(viewerId), p.Invited.Contains(viewerId),
            p.Version, p.PublishedAt, p.LastChangedAt);
    }

    /// <summary>The stable address of an attachment: it never changes, whatever is revised.</summary>
    public static string AttachmentUrl(Guid productId, Guid attachmentId) =>
        $"/api/kennisbank/{productId}/attachments/{attachmentId}";
}
