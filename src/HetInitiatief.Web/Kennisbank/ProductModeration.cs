using HetInitiatief.Moderation;

namespace HetInitiatief.Kennisbank;

/// <summary>Products are flagged and hidden like every other contribution (<see cref="FlagEndpoint"/>).</summary>
public static class ProductModeration
{
    public static async Task<bool> IsHiddenAsync(IQuerySession session, Guid productId, CancellationToken ct) =>
        (await session.LoadAsync<ContentModeration>(IdOf(productId), ct))?.Hidden == true;

    private static Guid IdOf(Guid productId) => ContentModeration.IdFor(ContentTypes.Product, productId);

    public static async Task<IReadOnlySet<Guid>> HiddenAmongAsync(IQuerySession session, IEnumerable<Guid> productIds,
        CancellationToken ct)
    {
        var ids = productIds.Select(IdOf).ToArray();
        if (ids.Length == 0) return new HashSet<Guid>();
        var moderations = await session.LoadManyAsync<ContentModeration>(ct, ids);
        return moderations.Where(m => m.Hidden).Select(m => m.ContentId).ToHashSet();
    }
}
