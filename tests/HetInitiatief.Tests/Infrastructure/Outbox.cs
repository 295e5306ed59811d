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
    /// <summary>The mail delivered to the address as files, oldest first, each as its headers and its text.</summary>
    public static async Task<IReadOnlyList<string>> MailsToAsync(this AppFixture app, string address)
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
