namespace HetInitiatief.Kennisbank;

/// <summary>An author attaches a file to a product: the file and the event naming it are committed together.</summary>
public static class AttachFileEndpoint
{
    public static Problem? MayAttach(Product product, Guid memberId) =>
        ProductRules.MustBeAuthor(product, memberId, "bijlagen toevoegen");

    public static Decision Decide(Product product, StoredAttachment file, Guid memberId, DateTimeOffset now) =>
        MayAttach(product, memberId)
        ?? Decision.Accept(new AttachmentAdded(product.Id, file.Id, memberId, file.FileName, file.ContentType,
            file.Size, now));

    [EndpointSummary("Attach a file (multipart form field 'file') to a product you are an author of: at most 10 MB, 30 "
        + "MB per product; pdf, docx, xlsx, pptx, odt, ods, odp, png, jpg, gif, txt, csv or mp4.")]
    [WolverinePost("/api/kennisbank/{id}/attachments")]
    [Refuses(400, 403, 404)]
    public static async Task<Created<AttachmentView>> Post(
        Guid id, HttpRequest request, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await AttachAsync(id, await Attachments.FromAsync(request, ct), user.MemberId(), store, clock.GetUtcNow(), ct))
            .Created(a => a.Url);

    public static async Task<Outcome<AttachmentView>> AttachAsync(
        Guid productId, IFormFile? file, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        // Locked while the file is checked, so two uploads at once cannot together pass the total limit.
        var stream = await session.Events.FetchForExclusiveWriting<Product>(productId, ct);
        if (stream.Aggregate is not { } product) return Problem.NotFound(ProductRules.NotFound);
        if (MayAttach(product, memberId) is { } refused) return refused;

        var stored = await Attachments.StoreAsync(session, productId, memberId, file, product.AttachedBytes, now, ct);
        if (stored.Problem is { } invalid) return invalid;
        var decision = Decide(product, stored.Value!, memberId, now);
        if (decision.Refusal is { } refusal) return refusal;
        stream.AppendMany(decision.Events);
        await session.SaveChangesAsync(ct);
        var a = stored.Value!;
        return new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, GetProductEndpoint.AttachmentUrl(productId,
            a.Id));
    }
}
