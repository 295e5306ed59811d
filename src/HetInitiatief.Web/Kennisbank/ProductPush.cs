using HetInitiatief.Live;
using JasperFx.Events;

namespace HetInitiatief.Kennisbank;

/// <summary>The push message for a changed product: small and stable, so a page fetches what it shows.</summary>
public sealed record ProductChanged(Guid ProductId, long Version, string Change)
{
    public const string Method = "productChanged";

    public static ProductChanged? From(IEvent e) => e.Data switch
    {
        ProductPublished p => new(p.ProductId, e.Version, "published"),
        ProductRevised r => new(r.ProductId, e.Version, "revised"),
        CoAuthorInvited i => new(i.ProductId, e.Version, "coAuthorInvited"),
        CoAuthorAccepted a => new(a.ProductId, e.Version, "coAuthorAccepted"),
        CoAuthorDeclined d => new(d.ProductId, e.Version, "coAuthorDeclined"),
        AttachmentAdded a => new(a.ProductId, e.Version, "attachmentAdded"),
        ProductUsed u => new(u.ProductId, e.Version, "used"),
        _ => null,
    };
}

/// <summary>Every committed product event, to the viewers of that product's page.</summary>
public sealed class ProductPush : IPushMapper
{
    public IEnumerable<object> PushesFor(Commit commit) =>
        from e in commit.Events
        let change = ProductChanged.From(e)
        where change is not null
        select LivePush.Of(ProductChanged.Method, change, change.ProductId, change.Version,
            LiveHub.ProductGroup(change.ProductId));
}
