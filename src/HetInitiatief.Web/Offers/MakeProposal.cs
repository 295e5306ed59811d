using HetInitiatief.Coalitions;
using HetInitiatief.Members;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;

namespace HetInitiatief.Offers;

/// <summary>A session plan proposed to a coalition that is large enough, to be shaped with the group.</summary>
public sealed record MakeProposal(string? Title, string? Outcome, string? Type, string? Format, string? ProposedDates);

public sealed record ReviseProposal(string? Title, string? Outcome, string? ProposedDates);

public sealed record ProposalWritten(Guid ProposalId, long Version, bool Changed = true);

/// <summary>Offers come in rounds: one before the first trial, and a new one after each review.</summary>
public static class OfferRounds
{
    public const string AcceptedThisRound =
        "De coalitie heeft in deze ronde al een aanbod aangenomen. Een nieuw aanbod kan na de terugblik op de proef.";

    public const string EarlierRound = "Dit voorstel hoort bij een eerdere ronde. Doe een nieuw voorstel voor deze ronde.";
}

public static class MakeProposalEndpoints
{
    public static Problem? CheckFields(string? title, string? outcome, string? dates) =>
        new FieldRules()
            .Text("title", title, "een titel", 150, min: 5)
            .Text("outcome", outcome, "wat deelnemers na afloop kunnen", 2000, min: 10)
            .Text("proposedDates", dates, "voorgestelde data", 500)
            .Problem;

    /// <summary>Proposals go to a coalition large enough and still underway, while its round has no accepted offer.</summary>
    public static Problem? MayPropose(string status, bool thresholdReached, Initiative.InitiativeCycle progress) =>
        status == CoalitionStatus.Closed ? Problem.Conflict("Deze coalitie is gesloten.")
        : status == CoalitionStatus.Completed ? Problem.Conflict("Dit initiatief is afgerond.")
        : !thresholdReached ? Problem.Conflict("Een aanbod kan pas als de coalitie groot genoeg is.")
        : progress.OfferAcceptedThisRound ? Problem.Conflict(OfferRounds.AcceptedThisRound)
        : null;

    public static Decision Decide(CoalitionDetails coalition, MakeProposal command, bool canSupply, Guid proposalId, Guid memberId, DateTimeOffset now) =>
        CheckFields(command.Title, command.Outcome, command.ProposedDates)
        ?? new FieldRules()
            .Check(command.Type is not null && SessionKinds.Types.ContainsKey(command.Type), "type", "Kies een soort bijeenkomst.")
            .Check(command.Format is not null && SessionKinds.Formats.ContainsKey(command.Format), "format", "Kies fysiek, online of hybride.")
            .Problem
        ?? (!canSupply ? Problem.Forbidden("Een aanbod doet een aanbieder, of een lid dat dit thema op zijn profiel aanbiedt (#durftevragen).")
            : MayPropose(coalition.Status, coalition.ThresholdReachedAt is not null, coalition.Progress) is { } refused ? refused
            : Decision.Accept(new ProposalMade(proposalId, coalition.Id, coalition.QuestionId, memberId, command.Title!.Trim(), command.Outcome!.Trim(),
                command.Type!, command.Format!, command.ProposedDates!.Trim(), now, coalition.Progress.OfferRound)));

    public static Decision DecideRevise(Proposal proposal, ReviseProposal command, Guid memberId, DateTimeOffset now) =>
        CheckFields(command.Title, command.Outcome, command.ProposedDates)
        ?? (proposal.ProposedBy != memberId ? Problem.Forbidden("Alleen wie het voorstel deed, kan het aanpassen.")
            : proposal.Status == ProposalStatus.Accepted ? Problem.Conflict("Dit voorstel is al aangenomen.")
            : Decision.Accept(new ProposalRevised(proposal.Id, memberId, command.Title!.Trim(), command.Outcome!.Trim(), command.ProposedDates!.Trim(), now)));

    [EndpointSummary("Propose a session plan to a coalition that reached its threshold (409 below it).")]
    [WolverinePost("/api/coalitions/{id}/proposals")]
    [Refuses(400, 404, 409)]
    public static async Task<Created<ProposalWritten>> Post(
        Guid id, MakeProposal command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var outcome = await MakeAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct);
        return outcome.Created(proposal => $"/api/proposals/{proposal.ProposalId}");
    }

    [EndpointSummary("Revise your proposal, for instance after the initiator asked for changes.")]
    [WolverinePut("/api/proposals/{id}")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Answer<ProposalWritten>> Revise(
        Guid id, ReviseProposal command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var (memberId, now) = (user.MemberId(), clock.GetUtcNow());
        var outcome = await EventStreams.DecideAsync<Proposal>(store, id, null, p => DecideRevise(p, command, memberId, now), Proposal.NotFound, ct);
        return outcome.Answer(written => new ProposalWritten(id, written.Version));
    }

    public static async Task<Outcome<ProposalWritten>> MakeAsync(Guid coalitionId, MakeProposal command, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var coalition = await session.LoadAsync<CoalitionDetails>(coalitionId, ct);
        if (coalition is null) return Problem.NotFound(CoalitionRules.NotFound);
        var themes = (await session.LoadAsync<QuestionBoardItem>(coalition.QuestionId, ct))?.Themes ?? [];
        var canSupply = (await session.LoadAsync<MemberProfile>(memberId, ct))?.CanSupply(themes) == true;
        var proposalId = Guid.CreateVersion7();
        var decision = Decide(coalition, command, canSupply, proposalId, memberId, now);
        return (await EventStreams.StartAsync<Proposal>(session, proposalId, decision,
                EventStreams.AlreadyThere, ct))
            .Map(_ => new ProposalWritten(proposalId, 1));
    }
}
