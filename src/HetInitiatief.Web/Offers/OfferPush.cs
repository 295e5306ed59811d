using HetInitiatief.Live;
using JasperFx.Events;

namespace HetInitiatief.Offers;

/// <summary>An offer to a coalition moved: made, reacted to, revised, accepted, for the question's watchers.</summary>
public sealed record ProposalChanged(Guid QuestionId, Guid ProposalId, long Version, string Status)
{
    public const string Method = "proposalChanged";

    public static ProposalChanged? From(IEvent e, Proposal proposal) =>
        e.Data is ProposalMade or ProposalReacted or ProposalChangesRequested or ProposalRevised or ProposalAccepted
            ? new(proposal.QuestionId, proposal.Id, e.Version, proposal.Status)
            : null;
}

/// <summary>The offer's status, read from its snapshot as the same commit wrote it.</summary>
public sealed class OfferPush : IPushMapper
{
    public IEnumerable<object> PushesFor(Commit commit) =>
        from written in commit.EventsWith<Proposal>(p => p.Id)
        let change = ProposalChanged.From(written.Event, written.Document)
        where change is not null
        select LivePush.Of(ProposalChanged.Method, change, change.ProposalId, change.Version,
            LiveHub.QuestionGroup(change.QuestionId));
}
