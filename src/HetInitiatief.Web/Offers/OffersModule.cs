using HetInitiatief.Live;
using JasperFx.Events.Projections;

namespace HetInitiatief.Offers;

/// <summary>Offers to coalitions: their snapshot and their live push.</summary>
public static class OffersModule
{
    public static WebApplicationBuilder AddOffers(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureMarten, OffersConfiguration>();
        builder.Services.AddPushes<OfferPush>();
        return builder;
    }
}

public sealed class OffersConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Projections.Snapshot<Proposal>(SnapshotLifecycle.Inline);
        options.Schema.For<Proposal>().Index(x => x.CoalitionId);
    }
}
