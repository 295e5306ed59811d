using JasperFx.Events.Projections;
using Marten;

namespace HetInitiatief.Offers;

public sealed class OffersConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Projections.Snapshot<Proposal>(SnapshotLifecycle.Inline);
        options.Schema.For<Proposal>().Index(x => x.CoalitionId);
    }
}
