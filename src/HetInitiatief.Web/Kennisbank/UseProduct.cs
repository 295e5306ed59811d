namespace HetInitiatief.Kennisbank;

/// <summary>"Ik heb dit gebruikt", with an optional note on how. Counted once per member; saying it again changes
/// nothing.</summary>
public sealed record UseProduct(string? Note);

public static class UseProductEndpoint
{
    public static Decision Decide(Product product, UseProduct command, Guid memberId, DateTimeOffset now) =>
        new FieldRules().Check((command.Note?.Trim().Length ?? 0) <= ProductRules.NoteMax, "note",
                $"Je toelichting mag hoogstens {ProductRules.NoteMax} tekens hebben.").Problem
        // The applied value counts colleagues who used it; the makers' own use is not that (the page hides the button).
        ?? (product.IsAuthor(memberId)
            ? Problem.Forbidden("Je bent auteur van dit product; \"Ik heb dit gebruikt\" is voor collega's die "
                + "het toepasten.")
            : product.UsedBy.Contains(memberId)
            ? Decision.Accept()
            : Decision.Accept(new ProductUsed(product.Id, memberId, command.Note?.Trim() ?? "", now)));

    [EndpointSummary("Say you used a product in your practice, with an optional note; counted once per member (201 the "
        + "first time, 200 after).")]
    [WolverinePost("/api/kennisbank/{id}/uses")]
    [Refuses(400, 401, 403, 404)]
    public static async Task<Added<ProductWritten>> Post(
        Guid id, UseProduct command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
            CancellationToken ct)
    {
        var outcome = await UseAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct);
        return outcome.Map(w => new ProductWritten(id, w.Version)).Added($"/api/kennisbank/{id}", _ =>
            outcome.Value.Changed);
    }

    public static async Task<Outcome<Written>> UseAsync(
        Guid productId, UseProduct command, Guid memberId, IDocumentStore store, DateTimeOffset now,
            CancellationToken ct)
    {
        await using (var query = store.QuerySession())
        {
            // Using is reading first: a product the member may not read, they cannot say they used.
            var details = await query.LoadAsync<ProductDetails>(productId, ct);
            if (GetProductEndpoint.MayRead(details, memberId, await ProductModeration.IsHiddenAsync(query, productId,
                ct)) is { } refused)
                return refused;
        }
        return await EventStreams.DecideAsync<Product>(store, productId, null,
            product => Decide(product, command, memberId, now), ProductRules.NotFound, ct);
    }
}
