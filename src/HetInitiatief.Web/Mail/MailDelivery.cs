using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace HetInitiatief.Mail;

/// <summary>A delivery attempt failed. <c>Permanent</c>: the server refused this message for good; retrying cannot help.</summary>
public sealed class MailNotDelivered(bool permanent, Exception inner) : Exception(inner.Message, inner)
{
    public bool Permanent { get; } = permanent;
}

/// <summary>
/// Hands one mail to the SMTP server in the settings (MailKit: STARTTLS or TLS, signing in when a user is set), or
/// with none configured writes it as an .eml file to the outbox folder so nothing is lost silently.
/// </summary>
public sealed class MailDelivery(MailSettings settings, ILogger<MailDelivery> logger)
{
    public async Task DeliverAsync(OutgoingMail mail, CancellationToken ct)
    {
        var message = MailBody.Mime(mail, settings.From);
        if (!settings.SmtpConfigured)
        {
            await WriteToOutboxAsync(mail, message, ct);
            return;
        }
        using var smtp = new SmtpClient { Timeout = 30_000, ServerCertificateValidationCallback = Validate };
        await smtp.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, settings.SmtpSecurity, ct);
        if (settings.SmtpUser is { } user) await smtp.AuthenticateAsync(user, settings.SmtpPassword ?? "", ct);
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(quit: true, ct);
    }

    /// <summary>
    /// Named after when the mail was queued and its id: newest sort last, and a second attempt after a crash
    /// overwrites the first file instead of adding a copy.
    /// </summary>
    private async Task WriteToOutboxAsync(OutgoingMail mail, MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(settings.OutboxDirectory);
        var path = Path.Combine(settings.OutboxDirectory, $"{mail.QueuedAt.UtcDateTime:yyyyMMddHHmmssfff}-{mail.Id:N}.eml");
        var writing = path + ".tmp";
        await message.WriteToAsync(Dos, writing, ct);
        // Renamed into place, so whoever lists the folder never reads half a message.
        File.Move(writing, path, overwrite: true);
        logger.LogInformation("No SMTP server configured; wrote the message to {Path}", path);
    }

    private static readonly FormatOptions Dos = new() { NewLineFormat = NewLineFormat.Dos };

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        Trusts(certificate, errors, settings.SmtpCertificate);

    /// <summary>What the machine trusts, or exactly the one certificate named in <c>Mail:SmtpCertificate</c>.</summary>
    public static bool Trusts(X509Certificate? presented, SslPolicyErrors errors, X509Certificate2? pinned) =>
        errors == SslPolicyErrors.None
        || (pinned is not null && presented is not null && presented.GetCertHash().AsSpan().SequenceEqual(pinned.GetCertHash()));

    /// <summary>
    /// Only the server's explicit refusal of this recipient or this message (a 5xx reply) is final. A refused
    /// sign-in, a bad certificate, a 4xx or a network failure can be mended, so they are retried.
    /// </summary>
    public static bool IsPermanent(Exception e) => e switch
    {
        SmtpCommandException refused => (int)refused.StatusCode >= 500
            && refused.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted,
        ParseException => true,
        _ => false,
    };

    /// <summary>What admins see of a failure: the server's reply or the network error, never a stack trace.</summary>
    public static string Describe(Exception e) => e switch
    {
        SmtpCommandException refused => $"SMTP {(int)refused.StatusCode}: {refused.Message}",
        ParseException => $"Ongeldig adres: {e.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
