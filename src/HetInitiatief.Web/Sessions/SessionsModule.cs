using HetInitiatief.Live;
using JasperFx.Events.Projections;
using Wolverine;

namespace HetInitiatief.Sessions;

/// <summary>Sessions: their snapshot and calendar feeds, the seat counts' live push and the go/no-go deadline.</summary>
public static class SessionsModule
{
    public static WebApplicationBuilder AddSessions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureMarten, SessionsConfiguration>();
        builder.Services.AddPushes<SessionPush>();
        builder.Services.AddDeadlines(GoNoGo.DeadlinesSetBy);
        builder.Services.ConfigureWolverine(options =>
            options.PublishMessage<DecideGoNoGo>().ToLocalQueue(LiveModule.DeadlineQueue));
        return builder;
    }
}

public sealed class SessionsConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Projections.Snapshot<Session>(SnapshotLifecycle.Inline);
        options.Schema.For<Session>().Index(x => x.StartsAt).Index(x => x.Theme);
        options.Schema.For<CalendarFeed>().UniqueIndex(x => x.Token);
    }
}
