using System.Net.Mail;
using System.Text;

namespace HetInitiatief.Mail;

public sealed record MailMessageToSend(string To, string Subject, string Body);

/// <summary>
/// Sends e-mail through the SMTP server in the settings (<c>Mail:SmtpHost</c>, <c>Mail:SmtpPort</c>,
/// <c>Mail:From</c>); with none configured, writes each message as an .eml file to an outbox folder
/// (<c>Mail:OutboxDirectory</c>) so nothing is lost silently.
/// </summary>
public sealed class Mailer(IConfiguration configuration, IServiceProvider services, ILogger<Mailer> logger)
{
    public string OutboxDirectory { get; } = configuration["Mail:OutboxDirectory"] ?? Path.Combine(Path.GetTempPath(), "het-initiatief-outbox");

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

    public bool SmtpConfigured => configuration["Mail:SmtpHost"] is { Length: > 0 };

    private string From => configuration["Mail:From"] ?? "noreply@het-initiatief.nl";

    public async Task SendAsync(MailMessageToSend message, CancellationToken ct)
    {
        using var mail = new MailMessage(From, message.To, message.Subject, message.Body) { BodyEncoding = Encoding.UTF8, SubjectEncoding = Encoding.UTF8 };
        if (configuration["Mail:SmtpHost"] is { Length: > 0 } host)
        {
            using var smtp = new SmtpClient(host, int.TryParse(configuration["Mail:SmtpPort"], out var port) ? port : 25);
            await smtp.SendMailAsync(mail, ct);
            return;
        }
        Directory.CreateDirectory(OutboxDirectory);
        var path = Path.Combine(OutboxDirectory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(path, $"From: {From}\r\nTo: {message.To}\r\nSubject: {message.Subject}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{message.Body}\r\n", ct);
        logger.LogInformation("No SMTP server configured; wrote the message to {Path}", path);
    }

    /// <summary>Removes the mail written to the outbox folder for this address (a member who deleted their account).</summary>
    public void ForgetMailTo(string address)
    {
        if (!Directory.Exists(OutboxDirectory) || address.Length == 0) return;
        var header = $"To: {address}\r\n";
        foreach (var file in Directory.EnumerateFiles(OutboxDirectory, "*.eml"))
        {
            if (File.ReadAllText(file).Contains(header, StringComparison.OrdinalIgnoreCase)) File.Delete(file);
        }
    }
}
