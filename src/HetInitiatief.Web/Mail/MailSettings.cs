using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit.Security;
using MimeKit;

namespace HetInitiatief.Mail;

/// <summary>
/// How mail leaves the platform. Read once at start-up; a value the platform cannot honour stops start-up with a
/// message naming the setting, rather than mail failing later where nobody looks.
/// </summary>
/// <param name="SmtpHost"><c>Mail:SmtpHost</c>; none: every mail is written to <see cref="OutboxDirectory"/> instead.</param>
/// <param name="SmtpSecurity"><c>Mail:SmtpSecurity</c>: None, StartTls, Tls or Auto (TLS on port 465, else STARTTLS when
/// offered).</param>
/// <param name="SmtpUser"><c>Mail:SmtpUser</c>; when set, the platform signs in with it and <c>Mail:SmtpPassword</c>.</param>
/// <param name="SmtpCertificate"><c>Mail:SmtpCertificate</c>: a PEM file with the one certificate trusted besides the machine's own
/// authorities, for a relay with a self-signed certificate. Validation is never switched off.</param>
/// <param name="RetryDelays"><c>Mail:RetryDelays</c>: the waits between attempts, comma separated (hh:mm:ss); after the
/// last, the mail is dead.</param>
public sealed record MailSettings(
    string? SmtpHost,
    int SmtpPort,
    SecureSocketOptions SmtpSecurity,
    string? SmtpUser,
    string? SmtpPassword,
    X509Certificate2? SmtpCertificate,
    MailboxAddress From,
    string OutboxDirectory,
    IReadOnlyList<TimeSpan> RetryDelays)
{
    /// <summary>About five and a half hours of trying: an SMTP server down for a morning loses nothing.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15),
        TimeSpan.FromHours(1), TimeSpan.FromHours(4),
    ];

    /// <summary>Wolverine's limit: 25 attempts in all.</summary>
    public const int MaxRetries = 24;

    public bool SmtpConfigured => SmtpHost is { Length: > 0 };

    public static MailSettings Read(IConfiguration configuration)
    {
        var host = configuration["Mail:SmtpHost"];
        var user = configuration["Mail:SmtpUser"];
        return new MailSettings(
            string.IsNullOrWhiteSpace(host) ? null : host.Trim(),
            Port(configuration["Mail:SmtpPort"]),
            Security(configuration["Mail:SmtpSecurity"]),
            string.IsNullOrWhiteSpace(user) ? null : user,
            configuration["Mail:SmtpPassword"],
            Certificate(configuration["Mail:SmtpCertificate"]),
            Sender(configuration["Mail:From"]),
            configuration["Mail:OutboxDirectory"] is { Length: > 0 } outbox
                ? outbox : Path.Combine(Path.GetTempPath(), "het-initiatief-outbox"),
            Delays(configuration["Mail:RetryDelays"]));
    }

    private static int Port(string? value) =>
        string.IsNullOrWhiteSpace(value) ? 25
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535 ? port
        : throw Invalid("Mail:SmtpPort", "use a port number from 1 to 65535");

    private static X509Certificate2? Certificate(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) return null;
        try
        {
            return X509Certificate2.CreateFromPem(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw Invalid("Mail:SmtpCertificate", $"{path} is not a readable PEM certificate ({e.Message})");
        }
    }

    private static SecureSocketOptions Security(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => SecureSocketOptions.Auto,
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "tls" or "ssl" or "sslonconnect" => SecureSocketOptions.SslOnConnect,
        _ => throw Invalid("Mail:SmtpSecurity", "use None, StartTls, Tls or Auto"),
    };

    private static MailboxAddress Sender(string? value) =>
        string.IsNullOrWhiteSpace(value) ? new MailboxAddress("Het Initiatief", "noreply@het-initiatief.nl")
        : MailboxAddress.TryParse(value, out var address) ? address
        : throw Invalid("Mail:From", "use an address such as noreply@example.nl or \"Het Initiatief <noreply@example.nl>\"");

    private static IReadOnlyList<TimeSpan> Delays(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return DefaultRetryDelays;
        var delays = new List<TimeSpan>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TimeSpan.TryParse(part, CultureInfo.InvariantCulture, out var delay) || delay < TimeSpan.Zero)
                throw Invalid("Mail:RetryDelays", $"\"{part}\" is not a wait such as 00:05:00");
            delays.Add(delay);
        }
        return delays.Count <= MaxRetries
            ? delays : throw Invalid("Mail:RetryDelays", $"Wolverine allows at most {MaxRetries} retries");
    }

    private static InvalidOperationException Invalid(string setting, string how) =>
        new($"The setting {setting} cannot be used: {how}.");
}
