using HetInitiatief.Moderation;

namespace HetInitiatief.Kennisbank;

/// <summary>Products are flagged and hidden like every other contribution (<see cref="FlagEndpoint"/>).</summary>
public static class ProductModeration
{
    public static async Task<bool> IsHiddenAsync(IQuerySession session, Guid productId, CancellationToken ct) =>
        (await session.LoadAsync<ContentModeration>(ContentModeration.IdFor(ContentTypes.Product, productId), ct))?.Hidden == true;

    public static async Task<IReadOnlySet<Guid>> HiddenAmongAsync(IQuerySession session, IEnumerable<Guid> productIds, CancellationToken ct)
    {
        var ids = productIds.Select(p => ContentModeration.IdFor(ContentTypes.Product, p)).ToArray();
        if (ids.Length == 0) return new HashSet<Guid>();
        return (await session.LoadManyAsync<ContentModeration>(ct, ids)).Where(m => m.Hidden).Select(m => m.ContentId).ToHashSet();
    }
}
