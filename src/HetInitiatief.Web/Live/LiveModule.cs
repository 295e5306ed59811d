using JasperFx.Events.Projections;
using Wolverine;

namespace HetInitiatief.Live;

/// <summary>
/// The push and news path every feature plugs into: the change forwarder and the news outbox on Marten, the queues
/// on Wolverine, the hub. Features register their own mappers and route their own messages to these queues.
/// </summary>
public static class LiveModule
{
    /// <summary>One push at a time, so what <see cref="PushOrder"/> remembers is what watchers were sent.</summary>
    public const string PushQueue = "live-push";

    /// <summary>News must survive a restart: a durable queue, stored in PostgreSQL.</summary>
    public const string NotificationQueue = "notifications";

    /// <summary>Scheduled deadlines (a coalition's closing date, a session's go/no-go), durable too.</summary>
    public const string DeadlineQueue = "deadlines";

    /// <summary>
    /// Call after every feature: the news outbox is an inline projection that reads what the features' projections
    /// wrote in the same commit, and Marten runs inline projections in the order they were added.
    /// </summary>
    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PushOrder>();
        builder.Services.AddSingleton<IConfigureMarten, LiveConfiguration>();
        builder.Services.ConfigureWolverine(options =>
        {
            options.LocalQueue(PushQueue).Sequential();
            options.PublishMessage<LivePush>().ToLocalQueue(PushQueue);
            options.LocalQueue(NotificationQueue).UseDurableInbox();
            options.LocalQueue(DeadlineQueue).UseDurableInbox();
        });
        return builder;
    }
}

public sealed class LiveConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Listeners.Add(ActivatorUtilities.CreateInstance<ChangeForwarder>(services));
        options.Projections.Add(new NewsOutbox(services), ProjectionLifecycle.Inline);
    }
}
