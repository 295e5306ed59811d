using JasperFx;
using MimeKit;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Runtime;

namespace HetInitiatief.Mail;

/// <summary>A mail to send: plain text, which also becomes its HTML alternative (<see cref="MailBody.Html"/>).</summary>
/// <param name="Id">The same id twice is queued once, for a caller that may run again after queueing (a retried handler).</param>
public sealed record MailMessageToSend(string To, string Subject, string Body, Guid? Id = null);

/// <summary>
/// The one way mail leaves the platform. <see cref="QueueAsync"/> puts the mail and its delivery message in the
/// caller's own session, so they commit in the caller's transaction through Wolverine's outbox, or not at all;
/// <see cref="DeliverMailHandler"/> delivers it (over SMTP, or to the outbox folder without one), retrying with
/// backoff. So a down SMTP server fails no request, and a restart loses no mail.
/// </summary>
public sealed class Mailer(
    IConfiguration configuration, MailSettings settings, IServiceProvider services, TimeProvider clock, ILogger<Mailer> logger)
{
    public string OutboxDirectory => settings.OutboxDirectory;

    public bool SmtpConfigured => settings.SmtpConfigured;

    /// <summary>
    /// Where every link in mail points: the setting <c>Platform:BaseUrl</c>, or without it the first address the app
    /// listens on. Never the request's Host header: whoever sends the request chooses that, and a password-reset link
    /// pointing at their server would hand them the account.
    /// </summary>
    public string SiteUrl => (configuration["Platform:BaseUrl"] is { Length: > 0 } configured ? configured : Listening()).TrimEnd('/');

    private string Listening()
    {
        // The addresses the server really bound (a configured port 0 becomes the port it got), else the configured ones.
        var bound = services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses;
        var first = bound?.FirstOrDefault()
            ?? configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (first is null || !Uri.TryCreate(first.Replace("://+", "://localhost").Replace("://*", "://localhost")
                .Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost"), UriKind.Absolute, out var uri))
            return "http://localhost:5000";
        return uri.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>
    /// Queues the mail in the caller's session: the mail and Wolverine's delivery message are stored by the caller's
    /// own <c>SaveChangesAsync</c>, in the same transaction as the write that sends it (a reset token, a digest's items
    /// marked sent). So a mail exists exactly when that write does: a crash between the two cannot lose it, and a
    /// refused or failed write sends nothing. Once committed it is delivered, or shows as failed to admins.
    /// </summary>
    public async Task QueueAsync(IDocumentSession session, MailMessageToSend message, CancellationToken ct)
    {
        // A caller that may run again after queueing (a retried handler) names its mail, so it is queued once.
        if (message.Id is { } named && await session.LoadAsync<OutgoingMail>(named, ct) is not null)
        {
            logger.LogInformation("Mail {MailId} was already queued; queued once", named);
            return;
        }
        var mail = OutgoingMail.Queue(message.Id ?? Guid.CreateVersion7(), message, clock.GetUtcNow());
        session.Insert(mail);
        // An outbox of its own, enrolled in the caller's session: the envelope is stored by the caller's commit and
        // handed to the queue after it. One per mail, because an outbox hands over only once, and a caller may commit
        // its session more than once (the digest, member by member); an earlier outbox then has nothing left to send.
        await new MartenOutbox(services.GetRequiredService<IWolverineRuntime>(), session)
            .PublishAsync(new DeliverMail(mail.Id));
    }

    /// <summary>
    /// A member deletes their account: in the deletion's session, mail to them goes from the admins' listing (a queued
    /// one is then never sent), and mail naming them, such as their invitations, names a former member instead. The
    /// outbox folder is no transaction: its files go once the deletion committed (<see cref="ForgetFilesAsync"/>).
    /// </summary>
    public async Task ForgetAsync(IDocumentSession session, string address, string name, CancellationToken ct)
    {
        if (address.Length > 0) session.DeleteWhere<OutgoingMail>(m => m.To.Equals(address, StringComparison.OrdinalIgnoreCase));
        if (name.Length > 0)
        {
            var naming = await session.Query<OutgoingMail>().Where(m => m.Subject.Contains(name) || m.Body.Contains(name)).ToListAsync(ct);
            foreach (var mail in naming)
                session.Store(mail with { Subject = Unnamed(mail.Subject, name), Body = Unnamed(mail.Body, name) });
        }
    }

    /// <summary>Mail to a deleted account's address goes from the outbox folder, after the deletion committed.</summary>
    public async Task ForgetFilesAsync(string address, CancellationToken ct)
    {
        if (!Directory.Exists(OutboxDirectory) || address.Length == 0) return;
        foreach (var file in Directory.EnumerateFiles(OutboxDirectory, "*.eml"))
        {
            if (await AddressedToAsync(file, address, ct)) File.Delete(file);
        }
    }

    private static string Unnamed(string text, string name) => text.Replace(name, Members.MemberProfile.FormerMember);

    private static async Task<bool> AddressedToAsync(string file, string address, CancellationToken ct)
    {
        try
        {
            await using var stream = File.OpenRead(file);
            var headers = await HeaderList.LoadAsync(stream, ct);
            return InternetAddressList.TryParse(headers[HeaderId.To] ?? "", out var to)
                && to.Mailboxes.Any(m => m.Address.Equals(address, StringComparison.OrdinalIgnoreCase));
        }
        catch (IOException)
        {
            // Removed while we looked, or still being written: a mail being written has a .tmp name, so this is rare.
            return false;
        }
    }
}
