using HetInitiatief.Questions;
using JasperFx;

namespace HetInitiatief.Coalitions;

/// <summary>No orphaned initiatives: the initiator hands over to a partner, or a partner takes on a coalition its initiator left.</summary>
public sealed record OfferHandover(Guid? ToMemberId);

public static class HandoverEndpoints
{
    public static Decision DecideOffer(Coalition coalition, OfferHandover command, Guid memberId, DateTimeOffset now)
    {
        if (MayOffer(coalition, memberId) is { } refused) return refused;
        if (command.ToMemberId is not { } to || coalition.Members.GetValueOrDefault(to) != Positions.Partner)
            return Problem.Invalid("toMemberId", "Kies een partner van deze coalitie.");
        return coalition.HandoverOfferedTo == to ? Decision.Accept() : Decision.Accept(new InitiativeHandoverOffered(coalition.Id, memberId, to, now));
    }

    /// <summary>Only the initiator of an open coalition hands over; the page shows the form by it.</summary>
    public static Problem? MayOffer(Coalition coalition, Guid memberId) =>
        coalition.InitiatorId != memberId
            ? Problem.Forbidden("Alleen de initiatiefnemer kan het initiatief overdragen.")
            : CoalitionRules.MustBeOpen(coalition);

    /// <summary>The partner it was offered to accepts the initiative while coalition and question are open.</summary>
    public static Problem? MayAccept(Coalition coalition, Question question, Guid memberId) =>
        CoalitionRules.MustBeOpen(coalition) ?? QuestionRules.MustBeOpen(question)
        ?? (coalition.HandoverOfferedTo != memberId
            ? Problem.Conflict("Er ligt geen overdracht van het initiatief voor jou klaar.") : null);

    /// <summary>A partner takes on an initiative nobody holds, while the coalition and question are open.</summary>
    public static Problem? MayTakeOn(Coalition coalition, Question question, Guid memberId) =>
        CoalitionRules.MustBeOpen(coalition) ?? QuestionRules.MustBeOpen(question)
        ?? (!coalition.SeeksInitiator ? Problem.Conflict("Deze coalitie heeft een initiatiefnemer.")
            : coalition.Members.GetValueOrDefault(memberId) != Positions.Partner
                ? Problem.Forbidden("Alleen een partner van deze coalitie kan het initiatief op zich nemen.")
                : null);

    /// <summary>The coalition is the first stream, the question the second: the question's ownership moves with the initiative.</summary>
    public static TwoStreamDecision DecideAccept(
        Coalition coalition, Question question, Guid memberId, DateTimeOffset now)
    {
        if (MayAccept(coalition, question, memberId) is { } refused) return refused;
        return TwoStreamDecision.Nothing
            .OnFirst(new InitiativeHandedOver(coalition.Id, coalition.InitiatorId, memberId, now))
            .OnSecond(new QuestionOwnershipTransferred(question.Id, question.OwnerId, memberId, now));
    }

    public static TwoStreamDecision DecideTakeOn(
        Coalition coalition, Question question, Guid memberId, DateTimeOffset now)
    {
        if (MayTakeOn(coalition, question, memberId) is { } refused) return refused;
        return TwoStreamDecision.Nothing
            .OnFirst(new InitiativeTakenOn(coalition.Id, memberId, now))
            .OnSecond(new QuestionOwnershipTransferred(question.Id, question.OwnerId, memberId, now));
    }

    [EndpointSummary("Ask a partner to take over the initiative (initiator only). Nothing changes until they accept.")]
    [WolverinePost("/api/coalitions/{id}/handover")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Answer<CoalitionWritten>> Offer(
        Guid id, OfferHandover command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await OfferAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct)).Answer();

    [EndpointSummary("Accept the initiative offered to you: you become the initiator and owner of the question.")]
    [WolverinePost("/api/coalitions/{id}/handover/accept")]
    [Refuses(404, 409)]
    public static async Task<Answer<CoalitionWritten>> Accept(
        Guid id, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await AcceptAsync(id, user.MemberId(), store, clock.GetUtcNow(), ct)).Answer();

    [EndpointSummary("Take on a coalition whose initiator left (partners only): you become initiator and owner of the question.")]
    [WolverinePost("/api/coalitions/{id}/initiator")]
    [Refuses(403, 404, 409)]
    public static async Task<Answer<CoalitionWritten>> TakeOn(
        Guid id, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await TakeOnAsync(id, user.MemberId(), store, clock.GetUtcNow(), ct)).Answer();

    public static async Task<Outcome<CoalitionWritten>> OfferAsync(Guid coalitionId, OfferHandover command, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct) =>
        (await EventStreams.DecideAsync<Coalition>(store, coalitionId, null, c => DecideOffer(c, command, memberId, now), CoalitionRules.NotFound, ct))
            .Map(written => new CoalitionWritten(coalitionId, written.Version, written.Changed));

    public static Task<Outcome<CoalitionWritten>> AcceptAsync(
        Guid coalitionId, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct) =>
        TransferAsync(coalitionId, (c, q) => DecideAccept(c, q, memberId, now), store, ct);

    public static Task<Outcome<CoalitionWritten>> TakeOnAsync(
        Guid coalitionId, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct) =>
        TransferAsync(coalitionId, (c, q) => DecideTakeOn(c, q, memberId, now), store, ct);

    /// <summary>The initiative and the question change hands together, in one transaction.</summary>
    private static async Task<Outcome<CoalitionWritten>> TransferAsync(
        Guid coalitionId, Func<Coalition, Question, TwoStreamDecision> decide, IDocumentStore store,
            CancellationToken ct)
    {
        await using var query = store.QuerySession();
        if (await query.LoadAsync<CoalitionDetails>(coalitionId, ct) is not { } details) return Problem.NotFound(CoalitionRules.NotFound);
        return (await EventStreams.DecideAsync<Coalition, Question>(store, coalitionId, details.QuestionId,
                (coalition, question) => coalition is null || question is null ? Problem.NotFound(CoalitionRules.NotFound) : decide(coalition, question),
                ct))
            .Map(written => new CoalitionWritten(coalitionId, written.First.Version, written.First.Changed));
    }
}
