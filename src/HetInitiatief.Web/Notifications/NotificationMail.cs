using HetInitiatief.Mail;
using HetInitiatief.Members;
using Wolverine;

namespace HetInitiatief.Notifications;

/// <summary>
/// A notification was stored; its member may want it by mail. Ids and the kind only: a message may
/// wait in Wolverine's tables, and deleting an account must leave no address or name there.
/// </summary>
public sealed record NotificationStored(Guid NotificationId, Guid MemberId, string Kind);

/// <summary>A notification waiting for its member's daily digest (id = the notification's). <c>SentAt</c> records that it went out.</summary>
public sealed record DigestItem(Guid Id, Guid MemberId, DateTimeOffset QueuedAt, DateTimeOffset? SentAt);

public static class NotificationMail
{
    public static string DeliveryFor(NotificationPreferences? preferences, string kind) => NotificationPreferences.DeliveryFor(preferences, kind);

    public static MailMessageToSend Immediate(MemberProfile member, Notification notification, string siteUrl) =>
        new(member.Email, "Nieuwe melding op Het Initiatief",
            $"Hallo {member.Name},\n\n{notification.Text}\n\nBekijk het op {siteUrl.TrimEnd('/')}{notification.Link}\n\n{Footer(siteUrl, "meteen per e-mail")}");

    /// <summary>One mail listing the notifications, oldest first; none when there is nothing to tell.</summary>
    public static MailMessageToSend? Digest(MemberProfile member, IReadOnlyList<Notification> notifications, string siteUrl)
    {
        if (notifications.Count == 0) return null;
        var site = siteUrl.TrimEnd('/');
        var lines = notifications.OrderBy(n => n.At).Select(n => $"- {n.Text}\n  {site}{n.Link}");
        return new(member.Email, $"Je dagelijkse overzicht van Het Initiatief: {Shared.Display.Count(notifications.Count, "melding", "meldingen")}",
            $"Hallo {member.Name},\n\nDit gebeurde er sinds je vorige overzicht:\n\n{string.Join("\n\n", lines)}\n\n{Footer(siteUrl, "een dagelijks overzicht")}");
    }

    private static string Footer(string siteUrl, string choice) =>
        $"Je krijgt deze e-mail omdat je voor deze meldingen koos voor {choice}. Wijzig dat op {siteUrl.TrimEnd('/')}/meldingen/voorkeuren";

    /// <summary>
    /// Deciding who gets which mail runs on its own durable queue, so a restart loses none; the mail itself then
    /// waits on the delivery queue (<see cref="MailQueue"/>), where a slow or failing SMTP server holds up nothing here.
    /// </summary>
    public static void AddMailDelivery(this WolverineOptions options)
    {
        options.LocalQueue("mail").UseDurableInbox();
        options.PublishMessage<NotificationStored>().ToLocalQueue("mail");
        options.PublishMessage<SendDailyDigest>().ToLocalQueue("mail");
        options.PublishMessage<RunDailyDigest>().ToLocalQueue("mail");
    }
}

public static class NotificationMailHandler
{
    /// <summary>Immediate: mail it now. Digest: keep it for the next digest. The address is looked up now, so a member who left gets nothing.</summary>
    public static async Task Handle(NotificationStored stored, IDocumentSession session, Mailer mailer, TimeProvider clock, CancellationToken ct)
    {
        var preferences = await session.LoadAsync<NotificationPreferences>(stored.MemberId, ct);
        switch (NotificationMail.DeliveryFor(preferences, stored.Kind))
        {
            case Deliveries.Immediate:
                var notification = await session.LoadAsync<Notification>(stored.NotificationId, ct);
                var member = await session.LoadAsync<MemberProfile>(stored.MemberId, ct);
                if (notification is null || member is null) return;
                // The notification's id: should this handler run again after queueing, the mail is still queued once.
                var mail = NotificationMail.Immediate(member, notification, mailer.SiteUrl) with { Id = notification.Id };
                await mailer.QueueAsync(session, mail, ct);
                break;
            case Deliveries.Digest:
                // A redelivered message must not put an item that was already sent back in the queue.
                if (await session.LoadAsync<DigestItem>(stored.NotificationId, ct) is null)
                    session.Store(new DigestItem(stored.NotificationId, stored.MemberId, clock.GetUtcNow(), null));
                break;
        }
    }
}

public sealed class NotificationMailConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Schema.For<NotificationPreferences>();
        options.Schema.For<DigestItem>().Index(i => i.MemberId).Index(i => i.SentAt);
        options.Schema.For<DigestDay>();
    }
}
