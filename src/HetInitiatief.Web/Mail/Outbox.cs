using HetInitiatief.Members;

namespace HetInitiatief.Mail;

/// <summary>One mail as admins see it. <c>Status</c>: queued, failing (will be retried), dead (needs a resend) or sent.</summary>
public sealed record OutboxMessage(
    Guid Id, DateTimeOffset At, string To, string Subject, string Status, int Attempts, string? LastError, DateTimeOffset? LastAttemptAt,
    DateTimeOffset? SentAt)
{
    public static OutboxMessage From(OutgoingMail mail) =>
        new(mail.Id, mail.QueuedAt, mail.To, mail.Subject, mail.Status, mail.Attempts, mail.LastError, mail.LastAttemptAt, mail.SentAt);
}

/// <summary>
/// The platform's mail, newest first, optionally only one status. <c>Failing</c> and <c>Dead</c> count all such mail,
/// whatever the page shows. <c>SmtpConfigured</c> false: mail is written as files to <c>Directory</c>.
/// </summary>
public sealed record OutboxPage(
    bool SmtpConfigured, string Directory, string? Status, int Page, int PageSize, int Total, int Failing, int Dead,
    IReadOnlyList<OutboxMessage> Messages);

public static class OutboxEndpoint
{
    public const int PageSize = 50;

    public static readonly string[] Statuses = [OutgoingMail.Queued, OutgoingMail.Failing, OutgoingMail.Dead, OutgoingMail.Sent];

    [EndpointSummary("The platform's outgoing mail, newest first, with what failed and what is dead (admin only); status filters.")]
    [WolverineGet("/api/admin/outbox")]
    [Authorize(Policy = RolePolicies.Admin)]
    [Refuses(400)]
    public static async Task<Answer<OutboxPage>> Get(
        int? page, string? status, IQuerySession session, Mailer mailer, CancellationToken ct) =>
        CheckStatus(status) is { } invalid ? invalid : await ReadAsync(session, mailer, page ?? 1, status, ct);

    public static Problem? CheckStatus(string? status) =>
        status is null || Statuses.Contains(status) ? null
        : Problem.Invalid("status", $"Kies een van deze: {string.Join(", ", Statuses)}.");

    public static async Task<OutboxPage> ReadAsync(IQuerySession session, Mailer mailer, int page, string? status, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var all = session.Query<OutgoingMail>();
        var chosen = status is null ? all : all.Where(m => m.Status == status);
        var total = await chosen.CountAsync(ct);
        var messages = await chosen.OrderByDescending(m => m.QueuedAt).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var failing = await all.CountAsync(m => m.Status == OutgoingMail.Failing, ct);
        var dead = await all.CountAsync(m => m.Status == OutgoingMail.Dead, ct);
        return new OutboxPage(mailer.SmtpConfigured, mailer.OutboxDirectory, status, page, PageSize, total, failing, dead,
            messages.Select(OutboxMessage.From).ToList());
    }
}
