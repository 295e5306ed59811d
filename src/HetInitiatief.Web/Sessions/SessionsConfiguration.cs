using JasperFx.Events.Projections;
using Marten;

namespace HetInitiatief.Sessions;

public sealed class SessionsConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Projections.Snapshot<Session>(SnapshotLifecycle.Inline);
        options.Schema.For<Session>().Index(x => x.StartsAt).Index(x => x.Theme);
        options.Schema.For<CalendarFeed>().UniqueIndex(x => x.Token);
    }
}
