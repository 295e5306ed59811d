using JasperFx;
using JasperFx.CodeGeneration;
using Wolverine;
using Wolverine.Configuration;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace HetInitiatief.Mail;

public static class MailQueue
{
    public const string Name = "mail-delivery";

    public static IServiceCollection AddMail(this IServiceCollection services, MailSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<Mailer>();
        services.AddSingleton<MailDelivery>();
        services.AddSingleton<IConfigureMarten, OutgoingMailConfiguration>();
        return services;
    }

    /// <summary>
    /// Delivery runs on its own durable queue: a message waits in PostgreSQL until the SMTP server took it, survives a
    /// restart, and a slow server holds up nothing else. A few at a time, so a burst of mail does not open a
    /// connection per core to the relay.
    /// </summary>
    public static void AddOutgoingMail(this WolverineOptions options, MailSettings settings)
    {
        options.LocalQueue(Name).UseDurableInbox().MaximumParallelMessages(4);
        options.PublishMessage<DeliverMail>().ToLocalQueue(Name);
        options.Policies.Add(new MailRetryPolicy(settings.RetryDelays));
    }
}

/// <summary>
/// Mail's own error policy, on the delivery handler only, so the platform-wide policies for other messages neither
/// apply to it nor collide with it: a refusal for good goes straight to the dead letters, anything else is tried
/// again after each wait in <c>Mail:RetryDelays</c> (scheduled in PostgreSQL, so a restart keeps the plan) and then
/// dead-lettered. <see cref="DeliverMailHandler"/> records the same outcome on the mail for admins.
/// </summary>
public sealed class MailRetryPolicy(IReadOnlyList<TimeSpan> delays) : IHandlerPolicy
{
    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => c.MessageType == typeof(DeliverMail)))
        {
            chain.OnException<MailNotDelivered>(e => e.Permanent).MoveToErrorQueue();
            if (delays.Count == 0) chain.OnException<MailNotDelivered>().MoveToErrorQueue();
            else chain.OnException<MailNotDelivered>().ScheduleRetry(delays.ToArray()).Then.MoveToErrorQueue();
        }
    }
}

public static class DeliverMailHandler
{
    /// <summary>
    /// Delivers the stored mail once: one already sent, or removed with its member's account, is skipped, so a
    /// redelivered message sends nothing twice. A failure is recorded on the mail in its own transaction (the
    /// attempt, the error, and whether it is now dead) before it is handed to Wolverine's retry policy.
    /// </summary>
    public static async Task Handle(
        DeliverMail deliver, Envelope envelope, IDocumentStore store, MailDelivery delivery, MailSettings settings,
        TimeProvider clock, ILogger<MailDelivery> logger, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var mail = await session.LoadAsync<OutgoingMail>(deliver.MailId, ct);
        if (mail is null || mail.Status == OutgoingMail.Sent) return;
        try
        {
            await delivery.DeliverAsync(mail, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var permanent = MailDelivery.IsPermanent(e);
            var dead = permanent || envelope.Attempts > settings.RetryDelays.Count;
            var failed = mail.Failed(envelope.Attempts, MailDelivery.Describe(e), dead ? envelope.Id : null, clock.GetUtcNow());
            session.Store(failed);
            await session.SaveChangesAsync(ct);
            logger.LogWarning(e, "Mail {MailId} not delivered (attempt {Attempt}, {Status})", mail.Id, envelope.Attempts, failed.Status);
            throw new MailNotDelivered(permanent, e);
        }
        session.Store(mail.Delivered(envelope.Attempts, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
    }
}
