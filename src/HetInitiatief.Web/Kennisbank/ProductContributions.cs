using HetInitiatief.Members;

namespace HetInitiatief.Kennisbank;

/// <summary>
/// "Blank what I wrote" for the kennisbank (<see cref="Contributions"/>): the departing member's versions of products,
/// their notes on using one, and the files they uploaded. The products stay, with what co-authors wrote.
/// </summary>
public static class ProductContributions
{
    public const string BlankedFile = "verwijderd-bestand";

    public static void AddMaskingRules(StoreOptions options)
    {
        options.Events.AddMaskingRuleForProtectedInformation<ProductPublished>(e =>
            e with { Title = Contributions.Blanked, Body = Contributions.Blanked });
        options.Events.AddMaskingRuleForProtectedInformation<ProductRevised>(e =>
            e with { Title = Contributions.Blanked, Body = Contributions.Blanked });
        options.Events.AddMaskingRuleForProtectedInformation<ProductUsed>(e => e with { Note = "" });
        options.Events.AddMaskingRuleForProtectedInformation<AttachmentAdded>(e => e with { FileName = BlankedFile });
    }

    public static Guid? AuthorOf(object data) => data switch
    {
        ProductPublished e => e.PublishedBy,
        ProductRevised e => e.RevisedBy,
        ProductUsed e => e.UsedBy,
        AttachmentAdded e => e.AddedBy,
        _ => null,
    };

    /// <summary>What the member wrote in, uploaded to or left a note on, read before the masking blanks it.</summary>
    public sealed record Written(IReadOnlyList<Guid> Products, IReadOnlyList<string> Titles);

    public static async Task<Written> WrittenByAsync(IQuerySession query, Guid memberId, CancellationToken ct)
    {
        var events = query.Events;
        var published = await events.QueryRawEventDataOnly<ProductPublished>()
            .Where(e => e.PublishedBy == memberId).ToListAsync(ct);
        var revised = await events.QueryRawEventDataOnly<ProductRevised>()
            .Where(e => e.RevisedBy == memberId).ToListAsync(ct);
        var used = await events.QueryRawEventDataOnly<ProductUsed>()
            .Where(e => e.UsedBy == memberId).Select(e => e.ProductId).ToListAsync(ct);
        var attached = await events.QueryRawEventDataOnly<AttachmentAdded>()
            .Where(e => e.AddedBy == memberId).Select(e => e.ProductId).ToListAsync(ct);
        var products = published.Select(e => e.ProductId).Concat(revised.Select(e => e.ProductId))
            .Concat(used).Concat(attached)
            .Distinct().ToList();
        var titles = published.Select(e => e.Title).Concat(revised.Select(e => e.Title)).Distinct().ToList();
        return new Written(products, titles);
    }

    /// <summary>
    /// After masking: the read models again from the masked events, the uploaded files' bytes gone, and the titles the
    /// member wrote out of the notifications that quote them (a co-author invitation names its product).
    /// </summary>
    public static async Task AfterMaskingAsync(IDocumentStore store, Guid memberId, Written written,
        CancellationToken ct)
    {
        foreach (var id in written.Products) await store.Advanced.RebuildSingleStreamAsync<ProductDetails>(id, ct);
        await using (var session = store.LightweightSession())
        {
            session.DeleteWhere<StoredFile>(f => f.UploadedBy == memberId);
            await session.SaveChangesAsync(ct);
        }
        await Contributions.ReplaceInNotificationsAsync(store, written.Titles, "een verwijderd product", ct);
    }
}
