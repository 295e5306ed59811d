namespace HetInitiatief.Mail;

/// <summary>
/// A mail on its way, and afterwards the record admins see. The body is kept only until it is delivered: it can
/// hold a password-reset or invitation link, which must not outlive its use in the database.
/// </summary>
/// <param name="DeadEnvelopeId">The Wolverine message that was dead-lettered for it, cleared from the dead letters on a resend.</param>
public sealed record OutgoingMail(
    Guid Id,
    string To,
    string Subject,
    string Body,
    DateTimeOffset QueuedAt,
    string Status,
    int Attempts = 0,
    string? LastError = null,
    DateTimeOffset? LastAttemptAt = null,
    DateTimeOffset? SentAt = null,
    Guid? DeadEnvelopeId = null)
{
    public const string Queued = "queued";
    /// <summary>The last attempt failed; Wolverine tries again after the next wait in <c>Mail:RetryDelays</c>.</summary>
    public const string Failing = "failing";
    /// <summary>Refused for good by the SMTP server, or every retry failed: only an admin's resend sends it again.</summary>
    public const string Dead = "dead";
    public const string Sent = "sent";

    public static OutgoingMail Queue(Guid id, MailMessageToSend message, DateTimeOffset now) =>
        new(id, message.To, message.Subject, message.Body, now, Queued);

    public OutgoingMail Delivered(int attempt, DateTimeOffset now) =>
        this with { Status = Sent, Body = "", Attempts = attempt, LastAttemptAt = now, SentAt = now, DeadEnvelopeId = null };

    public OutgoingMail Failed(int attempt, string error, Guid? deadEnvelopeId, DateTimeOffset now) =>
        this with
        {
            Status = deadEnvelopeId is null ? Failing : Dead,
            Attempts = attempt,
            LastError = error,
            LastAttemptAt = now,
            DeadEnvelopeId = deadEnvelopeId,
        };

    /// <summary>Back in the queue with a fresh round of retries; the last error stays visible until it goes out.</summary>
    public OutgoingMail Resent() => this with { Status = Queued, Attempts = 0, DeadEnvelopeId = null };
}

/// <summary>Deliver the stored mail with this id. Only the id: Wolverine's tables then hold no address, name or link.</summary>
public sealed record DeliverMail(Guid MailId);

public sealed class OutgoingMailConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        // Versioned, so two admins resending the same dead mail at once send it once.
        options.Schema.For<OutgoingMail>().UseOptimisticConcurrency(true).Index(m => m.Status).Index(m => m.QueuedAt);
}
