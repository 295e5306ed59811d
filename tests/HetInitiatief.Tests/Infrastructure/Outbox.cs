namespace HetInitiatief.Tests.Infrastructure;

/// <summary>Many tests share the app's outbox folder, so each reads only the mail to its own addresses.</summary>
public static class OutboxMail
{
    public static IReadOnlyList<string> To(this AppFixture app, string address) =>
        Directory.Exists(app.Outbox)
            ? Directory.GetFiles(app.Outbox, "*.eml").Order().Select(File.ReadAllText).Where(m => m.Contains($"\r\nTo: {address}\r\n")).ToList()
            : [];

    public static async Task<string?> MailToAsync(this AppFixture app, string address, string subjectContains)
    {
        string? found = null;
        await Eventually.TrueAsync(() => Task.FromResult((found = app.To(address).FirstOrDefault(m => m.Contains(subjectContains))) is not null));
        return found;
    }
}
