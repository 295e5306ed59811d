namespace HetInitiatief.Kennisbank;

/// <summary>
/// An author writes a new version. <c>ExpectedVersion</c> is the product's version the author was looking at; when a
/// co-author revised it since, this revision is refused (409) rather than silently overwriting their version.
/// </summary>
public sealed record ReviseProduct(
    string? Kind, string? Title, string? Body, IReadOnlyList<string>? Themes, string? Sector, string? Visibility,
    long? ExpectedVersion);

public static class ReviseProductEndpoint
{
    public static Problem? CheckFields(ReviseProduct command) =>
        PublishProductEndpoint.Content(command.Kind, command.Title, command.Body, command.Themes, command.Sector,
            command.Visibility)
            .Check(command.ExpectedVersion is > 0, "expectedVersion",
                "Geef de versie van het product mee waarop je nieuwe versie is gebaseerd.")
            .Problem;

    public static Decision Decide(Product product, ReviseProduct command, Guid memberId, DateTimeOffset now) =>
        CheckFields(command)
        ?? ProductRules.MustBeAuthor(product, memberId, "een nieuwe versie schrijven")
        ?? Decision.Accept(new ProductRevised(
            product.Id, memberId, product.Revision + 1, command.Kind!, command.Title!.Trim(), command.Body!.Trim(),
            command.Themes!.Distinct().ToList(), command.Sector!, command.Visibility!, now));

    [EndpointSummary("Write a new version of a product you are an author of; expectedVersion is the version it is "
        + "based on (409 when stale).")]
    [WolverinePost("/api/kennisbank/{id}/revisions")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Created<ProductWritten>> Post(
        Guid id, ReviseProduct command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
            CancellationToken ct) =>
        (await ReviseAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct))
            .Created(_ => $"/api/kennisbank/{id}");

    public static async Task<Outcome<ProductWritten>> ReviseAsync(
        Guid productId, ReviseProduct command, Guid memberId, IDocumentStore store, DateTimeOffset now,
            CancellationToken ct)
    {
        if (CheckFields(command) is { } invalid) return invalid;
        return (await EventStreams.DecideAsync<Product>(store, productId, command.ExpectedVersion,
                product => Decide(product, command, memberId, now), ProductRules.NotFound, ct))
            .Map(written => new ProductWritten(productId, written.Version));
    }
}
