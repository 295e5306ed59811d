using Alba;
using HetInitiatief.Mail;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// Many tests share the app's outbox folder, so each reads only the mail to its own addresses. Mail is delivered by a
/// queue after the request, so these first wait until every mail queued to the address has left the queue.
/// </summary>
public static class OutboxMail
{
    /// <summary>
    /// The mail delivered to the address as files, oldest first, each as its headers and its text; without the
    /// confirmation mail every member gets on registering (<see cref="ConfirmationMail"/> reads that one).
    /// </summary>
    public static async Task<IReadOnlyList<string>> MailsToAsync(this AppFixture app, string address)
    {
        (await app.Host.QueueEmptiedForAsync(address)).ShouldBeTrue($"mail to {address} is still waiting to be delivered");
        return Read(app.Outbox, address).Where(m => !m.Contains($"Subject: {HetInitiatief.Members.EmailConfirmation.Subject}")).ToList();
    }

    /// <summary>Every mail delivered to the address, the confirmation mail included.</summary>
    public static async Task<IReadOnlyList<string>> AllMailsToAsync(this AppFixture app, string address)
    {
        (await app.Host.QueueEmptiedForAsync(address)).ShouldBeTrue($"mail to {address} is still waiting to be delivered");
        return Read(app.Outbox, address);
    }

    public static async Task<string?> MailToAsync(this AppFixture app, string address, string subjectContains)
    {
        string? found = null;
        await Eventually.TrueAsync(() => Task.FromResult((found = Read(app.Outbox, address).FirstOrDefault(m => m.Contains(subjectContains))) is not null));
        return found;
    }

    /// <summary>Waits until no mail to the address is queued or failing: it was sent, or it is dead.</summary>
    public static Task<bool> QueueEmptiedForAsync(this IAlbaHost host, string address) => Eventually.TrueAsync(async () =>
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return !await session.Query<OutgoingMail>()
            .AnyAsync(m => m.To == address && (m.Status == OutgoingMail.Queued || m.Status == OutgoingMail.Failing));
    });

    /// <summary>The .eml files in a folder addressed to this address, decoded: headers, a blank line, then the text part.</summary>
    public static IReadOnlyList<string> Read(string folder, string address) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Order().Select(file => MimeMessage.Load(file))
                .Where(m => m.To.Mailboxes.Any(to => to.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))
                .Select(Render).ToList()
            : [];

    public static string Render(MimeMessage message) =>
        $"From: {message.From}\r\nTo: {message.To}\r\nSubject: {message.Subject}\r\n\r\n{message.TextBody}";
}

/// <summary>
/// The confirmation link a member gets on registering, read from the mail the app wrote to the run's outbox folder
/// (the same mail a teacher opens; no way around it). Only mail written since the registration began is opened, so
/// this stays quick however much mail the run has written.
/// </summary>
public static partial class ConfirmationMail
{
    /// <summary>The outbox folder <see cref="AppFixture"/> configured for every app of the run, WebServers included.</summary>
    public static string Folder => Environment.GetEnvironmentVariable("Mail__OutboxDirectory")
        ?? throw new InvalidOperationException("The AppFixture sets Mail__OutboxDirectory before any app starts.");

    /// <summary>A moment just before a registration, to look for its mail from.</summary>
    public static DateTime Before() => DateTime.UtcNow.AddSeconds(-1);

    /// <param name="folder">The outbox folder of a platform that has its own; the run's shared one by default.</param>
    public static async Task<string> TokenAsync(string address, DateTime since, string? folder = null) =>
        (await LinkAsync(address, since, folder)).Token;

    /// <summary>The link of the newest confirmation mail to this address: its token, and its path and query on the site.</summary>
    public static async Task<(string Token, string PathAndQuery)> LinkAsync(string address, DateTime since, string? folder = null)
    {
        (string, string)? link = null;
        await Eventually.TrueAsync(() =>
            Task.FromResult((link = Links(since, folder ?? Folder).TryGetValue(address.ToLowerInvariant(), out var l) ? l : null) is not null));
        return link ?? throw new InvalidOperationException($"No confirmation mail to {address} in {folder ?? Folder}.");
    }

    /// <summary>The newest confirmation token per address (lower case) among the mail written since then.</summary>
    public static IReadOnlyDictionary<string, string> Tokens(DateTime since) => Links(since, Folder).ToDictionary(l => l.Key, l => l.Value.Token);

    private static Dictionary<string, (string Token, string PathAndQuery)> Links(DateTime since, string folder)
    {
        var tokens = new Dictionary<string, (string Token, string PathAndQuery)>();
        if (!Directory.Exists(folder)) return tokens;
        var from = since.ToString("yyyyMMddHHmmssfff");
        var files = Directory.GetFiles(folder, "*.eml").Where(f => WrittenSince(Path.GetFileName(f), from)).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            string text;
            try { text = File.ReadAllText(file); }
            catch (IOException) { continue; } // still being written: the next look finds it
            // A mail encoded quoted-printable breaks long lines with "=" and writes "=" as "=3D".
            var plain = text.Replace("=\r\n", "").Replace("=3D", "=");
            var to = ToHeader().Match(plain);
            var link = Link().Match(plain);
            if (!to.Success || !link.Success) continue;
            var address = to.Groups[1].Value.Trim();
            if (address.IndexOf('<') is var open and >= 0 && address.IndexOf('>', open) is var close and > 0) address = address[(open + 1)..close];
            tokens[address.ToLowerInvariant()] = (link.Groups[1].Value, link.Value);
        }
        return tokens;
    }

    private static bool WrittenSince(string name, string from) =>
        name.Length < from.Length || !name[..from.Length].All(char.IsAsciiDigit) || string.CompareOrdinal(name, 0, from, 0, from.Length) >= 0;

    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^To: *(.+?)\r?$")]
    private static partial System.Text.RegularExpressions.Regex ToHeader();

    [System.Text.RegularExpressions.GeneratedRegex(@"/e-mailadres-bevestigen\?token=([0-9a-f]{64})(&ReturnUrl=[^\s]+)?")]
    private static partial System.Text.RegularExpressions.Regex Link();
}
