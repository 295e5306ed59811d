using HetInitiatief.Catalogue;

namespace HetInitiatief.Kennisbank;

public sealed record PublishProduct(
    string? Kind, string? Title, string? Body, IReadOnlyList<string>? Themes, string? Sector, string? Visibility,
    Guid? QuestionId = null, Guid? CoalitionId = null, string? TrialId = null);

public sealed record ProductWritten(Guid ProductId, long Version);

public static class PublishProductEndpoint
{
    public const int TrialIdMax = 100;

    /// <summary>The fields a product's every version has; a revision checks them the same way.</summary>
    public static FieldRules Content(string? kind, string? title, string? body, IReadOnlyList<string>? themes,
        string? sector,
        string? visibility)
    {
        var chosen = themes ?? [];
        return new FieldRules()
            .Check(kind is not null && ProductRules.Kinds.ContainsKey(kind), "kind",
                $"Kies wat voor product het is: {string.Join(", ", ProductRules.Kinds.Values)}.")
            .Text("title", title, "een titel", ProductRules.TitleMax, min: 5)
            .Text("body", body, "een beschrijving", ProductRules.BodyMax)
            .Check(chosen.Count > 0, "themes", "Kies minstens één thema.")
            .Check(chosen.Distinct().Count() <= ProductRules.MaxThemes, "themes",
                $"Kies hoogstens {ProductRules.MaxThemes} thema's.")
            .Check(chosen.All(Themes.IsKnown), "themes",
                $"Onbekend thema: {string.Join(", ", chosen.Where(t => !Themes.IsKnown(t)))}.")
            .Check(Sectors.IsKnown(sector), "sector", Sectors.Unknown)
            .Check(visibility is ProductRules.Members or ProductRules.Public, "visibility",
                "Kies of het product alleen voor leden is (leden) of voor iedereen (openbaar).");
    }

    public static Problem? CheckFields(PublishProduct command) =>
        Content(command.Kind, command.Title, command.Body, command.Themes, command.Sector, command.Visibility)
            .Check(command.TrialId is null || command.TrialId.Trim().Length is > 0 and <= TrialIdMax, "trialId",
                $"Een verwijzing naar een proef heeft 1 tot {TrialIdMax} tekens.")
            .Problem;

    public static Decision Decide(PublishProduct command, Guid productId, Guid memberId, DateTimeOffset now) =>
        CheckFields(command) is { } invalid
            ? invalid
            : Decision.Accept(new ProductPublished(
                productId, memberId, command.Kind!, command.Title!.Trim(), command.Body!.Trim(),
                    command.Themes!.Distinct().ToList(),
                command.Sector!, command.Visibility!, command.QuestionId, command.CoalitionId, command.TrialId?.Trim(),
                    now));

    [EndpointSummary("Publish a product in the kennisbank; you are its first author.")]
    [WolverinePost("/api/kennisbank")]
    [Refuses(400)]
    public static async Task<Created<ProductWritten>> Post(
        PublishProduct command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await PublishAsync(command, user.MemberId(), store, clock.GetUtcNow(), ct))
            .Created(product => $"/api/kennisbank/{product.ProductId}");

    public static async Task<Outcome<ProductWritten>> PublishAsync(
        PublishProduct command, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        var productId = Guid.CreateVersion7();
        await using var session = store.LightweightSession();
        return (await EventStreams.StartAsync<Product>(session, productId, Decide(command, productId, memberId, now),
                EventStreams.AlreadyThere, ct))
            .Map(written => new ProductWritten(productId, written.Version));
    }
}
