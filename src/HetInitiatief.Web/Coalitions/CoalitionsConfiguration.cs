using JasperFx.Events.Projections;
using Marten;

namespace HetInitiatief.Coalitions;

public sealed class CoalitionsConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        // Single-stream and inline, like the question's read models: the meter is read straight after a join.
        options.Projections.Snapshot<CoalitionDetails>(SnapshotLifecycle.Inline);
        // A popular coalition's stream grows long (every join and leave); deciding on a stored snapshot
        // instead of replaying the whole stream keeps a join's cost flat (measured: docs/performance.md).
        options.Projections.Snapshot<Coalition>(SnapshotLifecycle.Inline);
        options.Schema.For<CoalitionDetails>().Index(x => x.QuestionId);
    }
}
