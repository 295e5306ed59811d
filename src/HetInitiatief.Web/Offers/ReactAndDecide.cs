using HetInitiatief.Coalitions;

namespace HetInitiatief.Offers;

public sealed record ReactToProposal(string? Reaction, string? Comment);

public sealed record RequestChanges(string? Note);

/// <summary>Members react; the initiator accepts on behalf of the group or asks for changes.</summary>
public static class ReactAndDecideEndpoints
{
    public static Decision DecideReaction(Proposal proposal, CoalitionDetails coalition, ReactToProposal command, Guid memberId, DateTimeOffset now)
    {
        var invalid = new FieldRules()
            .Check(command.Reaction is not null && Reactions.All.Contains(command.Reaction), "reaction", "Kies interested, notForMe of comment.")
            .Check(command.Reaction != Reactions.Comment || !string.IsNullOrWhiteSpace(command.Comment), "comment", "Schrijf je opmerking.")
            .OptionalText("comment", command.Comment, "je opmerking", 1000)
            .Problem;
        if (invalid is not null) return invalid;
        if (coalition.Members.All(m => m.MemberId != memberId)) return Problem.Forbidden("Alleen leden van de coalitie reageren op een voorstel.");
        if (proposal.Status == ProposalStatus.Accepted) return Problem.Conflict("Dit voorstel is al aangenomen.");
        return Decision.Accept(new ProposalReacted(proposal.Id, memberId, command.Reaction!, command.Comment?.Trim(), now));
    }

    /// <summary>Only the proposal (the second stream) changes; the coalition is locked so an acceptance cannot pass it.</summary>
    public static TwoStreamDecision DecideChanges(
        Proposal proposal, Coalition coalition, RequestChanges command, Guid memberId, DateTimeOffset now) =>
        new FieldRules().Text("note", command.Note, "wat er anders moet", 1000, min: 3).Problem
        ?? (coalition.InitiatorId != memberId ? Problem.Forbidden("Alleen de initiatiefnemer vraagt namens de groep om aanpassingen.")
            : proposal.Status == ProposalStatus.Accepted ? Problem.Conflict("Dit voorstel is al aangenomen.")
            : TwoStreamDecision.Nothing.OnSecond(new ProposalChangesRequested(proposal.Id, memberId,
                command.Note!.Trim(), now)));

    /// <summary>The initiator accepts, for the group, one proposal of the current round (the page asks this too).</summary>
    public static Problem? MayAccept(int proposalRound, Coalition coalition, Guid memberId) =>
        coalition.InitiatorId != memberId ? Problem.Forbidden("Alleen de initiatiefnemer neemt een aanbod aan namens de groep.")
        : CoalitionRules.MustBeOpen(coalition) is { } notOpen ? notOpen
        : coalition.Progress.OfferAcceptedThisRound ? Problem.Conflict(OfferRounds.AcceptedThisRound)
        : proposalRound != coalition.Progress.OfferRound ? Problem.Conflict(OfferRounds.EarlierRound)
        : null;

    /// <summary>
    /// The coalition is the first stream (locked first), the proposal the second. One offer is accepted per round:
    /// the first round before any trial, a new round after each review (refine, then try again).
    /// </summary>
    public static TwoStreamDecision DecideAccept(
        Proposal proposal, Coalition coalition, Guid memberId, DateTimeOffset now) =>
        MayAccept(proposal.Round, coalition, memberId) is { } refused ? refused
        : TwoStreamDecision.Nothing
            .OnSecond(new ProposalAccepted(proposal.Id, memberId, now))
            .OnFirst(new CoalitionOfferAccepted(coalition.Id, proposal.Id, memberId, now));

    [EndpointSummary("React to a proposal as a coalition member: interested, notForMe, or a comment.")]
    [WolverinePost("/api/proposals/{id}/reactions")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Answer<ProposalWritten>> React(
        Guid id, ReactToProposal command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await ReactAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct)).Answer();

    [EndpointSummary("Ask the proposer for changes (initiator only).")]
    [WolverinePost("/api/proposals/{id}/changes-requested")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Answer<ProposalWritten>> Changes(
        Guid id, RequestChanges command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await RequestChangesAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct)).Answer();

    [EndpointSummary("Accept a proposal on behalf of the group (initiator only); one per coalition.")]
    [WolverinePost("/api/proposals/{id}/accept")]
    [Refuses(403, 404, 409)]
    public static async Task<Answer<ProposalWritten>> Accept(
        Guid id, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await AcceptAsync(id, user.MemberId(), store, clock.GetUtcNow(), ct)).Answer();

    public static async Task<Outcome<ProposalWritten>> ReactAsync(Guid proposalId, ReactToProposal command, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var proposal = await query.LoadAsync<Proposal>(proposalId, ct);
        var coalition = proposal is null ? null : await query.LoadAsync<CoalitionDetails>(proposal.CoalitionId, ct);
        if (coalition is null) return Problem.NotFound(Proposal.NotFound);
        return (await EventStreams.DecideAsync<Proposal>(store, proposalId, null, p => DecideReaction(p, coalition, command, memberId, now), Proposal.NotFound, ct))
            .Map(written => new ProposalWritten(proposalId, written.Version));
    }

    public static Task<Outcome<ProposalWritten>> RequestChangesAsync(
        Guid proposalId, RequestChanges command, Guid memberId, IDocumentStore store, DateTimeOffset now,
            CancellationToken ct) =>
        WithCoalitionAsync(proposalId, (p, c) => DecideChanges(p, c, command, memberId, now), store, ct);

    public static Task<Outcome<ProposalWritten>> AcceptAsync(
        Guid proposalId, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct) =>
        WithCoalitionAsync(proposalId, (p, c) => DecideAccept(p, c, memberId, now), store, ct);

    /// <summary>Decisions on behalf of the group also write the coalition, so two offers can never both be accepted.</summary>
    private static async Task<Outcome<ProposalWritten>> WithCoalitionAsync(
        Guid proposalId, Func<Proposal, Coalition, TwoStreamDecision> decide, IDocumentStore store,
            CancellationToken ct)
    {
        await using var query = store.QuerySession();
        if (await query.LoadAsync<Proposal>(proposalId, ct) is not { } found) return Problem.NotFound(Proposal.NotFound);
        return (await EventStreams.DecideAsync<Coalition, Proposal>(store, found.CoalitionId, proposalId,
                (coalition, proposal) => coalition is null || proposal is null ? Problem.NotFound(Proposal.NotFound) : decide(proposal, coalition),
                ct))
            .Map(written => new ProposalWritten(proposalId, written.Second.Version));
    }
}
