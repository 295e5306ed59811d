using HetInitiatief.Members;
using JasperFx;
using Wolverine.Marten.Publishing;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace HetInitiatief.Mail;

public static class ResendMailEndpoint
{
    /// <summary>
    /// Only dead mail: failing mail is still being retried, and sending it alongside a retry could deliver it twice.
    /// Sent mail has no body any more.
    /// </summary>
    public static Problem? Decide(OutgoingMail? mail) => mail switch
    {
        null => Problem.NotFound("Deze e-mail bestaat niet (meer)."),
        { Status: OutgoingMail.Dead } => null,
        { Status: OutgoingMail.Sent } => Problem.Conflict("Deze e-mail is al verstuurd."),
        _ => Problem.Conflict(
            "Deze e-mail wordt nog automatisch opnieuw geprobeerd. Opnieuw versturen kan als dat definitief mislukt is."),
    };

    [EndpointSummary("Send a dead mail again, with a fresh round of retries (admin only).")]
    [WolverinePost("/api/admin/outbox/{id}/resend")]
    [Authorize(Policy = RolePolicies.Admin)]
    [Refuses(404, 409)]
    public static async Task<Accepted<OutboxMessage>> Post(
        Guid id, ClaimsPrincipal user, IDocumentStore store, OutboxedSessionFactory sessions, IWolverineRuntime runtime, ILogger<Mailer> logger,
        CancellationToken ct)
    {
        var outcome = await ResendAsync(id, user.MemberId(), store, sessions, runtime, logger, ct);
        return outcome.Accepted($"/api/admin/outbox?status={OutgoingMail.Queued}");
    }

    /// <summary>
    /// The mail goes back in the queue and its delivery message is written in the same transaction (Wolverine's
    /// outbox). The old dead letter is discarded afterwards, so the dead letters do not keep showing a mail that went out.
    /// </summary>
    public static async Task<Outcome<OutboxMessage>> ResendAsync(
        Guid id, Guid adminId, IDocumentStore store, OutboxedSessionFactory sessions, IWolverineRuntime runtime, ILogger logger,
        CancellationToken ct)
    {
        var bus = new MessageContext(runtime);
        await using var session = sessions.OpenSession(bus);
        var mail = await session.LoadAsync<OutgoingMail>(id, ct);
        if (Decide(mail) is { } problem) return problem;
        var resent = mail!.Resent();
        session.Store(resent);
        await bus.PublishAsync(new DeliverMail(resent.Id));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            return Problem.Conflict("Deze e-mail is net al opnieuw verstuurd.");
        }
        try
        {
            if (mail.DeadEnvelopeId is { } dead)
                await runtime.Storage.DeadLetters.DiscardAsync(new DeadLetterEnvelopeQuery([dead]), ct);
        }
        catch (Exception e)
        {
            // The mail is back in the queue; a stale dead letter is untidy, and no reason to answer the resend with an error.
            logger.LogWarning(e, "Mail {MailId} was resent, but its old dead letter {EnvelopeId} stays", mail.Id, mail.DeadEnvelopeId);
        }
        return OutboxMessage.From(resent);
    }
}
