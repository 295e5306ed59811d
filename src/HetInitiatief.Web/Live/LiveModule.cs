using JasperFx.Events.Projections;
using Wolverine;

namespace HetInitiatief.Live;

/// <summary>
/// The push and news path every feature plugs into: the change forwarder and the news outbox on Marten, the queues
/// on Wolverine, the hub. Features register their own mappers and route their own messages to these queues.
/// </summary>
public static class LiveModule
{
    /// <summary>
    /// The <see cref="LivePush"/>es alone, one at a time, so what <see cref="PushOrder"/> remembers is what watchers were
    /// sent. Nothing else runs here: a handler that reads the database (the landing page's counts) would hold up every
    /// board push behind it, and with a thousand board watchers each push already takes milliseconds to write out.
    /// </summary>
    public const string OrderedPushQueue = "live-push-ordered";

    /// <summary>Features' own push messages (the landing page's counts, notifications), one at a time, beside the ordered pushes.</summary>
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
            options.LocalQueue(OrderedPushQueue).Sequential();
            options.PublishMessage<LivePush>().ToLocalQueue(OrderedPushQueue);
            options.LocalQueue(PushQueue).Sequential();
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
