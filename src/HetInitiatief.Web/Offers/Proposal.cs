using System.Collections.Immutable;

namespace HetInitiatief.Offers;

// A proposal for a session, co-created with a coalition that is large enough. Its own stream, so many
// members reacting at once do not queue behind the coalition's joins. See docs/events.md.

public sealed record ProposalMade(
    Guid ProposalId, Guid CoalitionId, Guid QuestionId, Guid ProposedBy, string Title, string Outcome, string Type, string Format,
    string ProposedDates, DateTimeOffset MadeAt, int Round = 1);

public sealed record ProposalReacted(Guid ProposalId, Guid MemberId, string Reaction, string? Comment, DateTimeOffset ReactedAt);

public sealed record ProposalChangesRequested(Guid ProposalId, Guid RequestedBy, string Note, DateTimeOffset RequestedAt);

public sealed record ProposalRevised(Guid ProposalId, Guid RevisedBy, string Title, string Outcome, string ProposedDates, DateTimeOffset RevisedAt);

/// <summary>The initiator accepted it for the group; recorded on the coalition too, so only one is ever accepted.</summary>
public sealed record ProposalAccepted(Guid ProposalId, Guid AcceptedBy, DateTimeOffset AcceptedAt);

public static class Reactions
{
    public const string Interested = "interested";
    public const string NotForMe = "notForMe";
    public const string Comment = "comment";

    public static readonly IReadOnlyList<string> All = [Interested, NotForMe, Comment];
}

public static class ProposalStatus
{
    public const string Open = "open";
    public const string ChangesRequested = "changesRequested";
    public const string Accepted = "accepted";
}

/// <summary>A proposal with its reactions: one inline snapshot for the decisions and the question page.</summary>
public sealed record Proposal(
    Guid Id, Guid CoalitionId, Guid QuestionId, Guid ProposedBy, string Title, string Outcome, string Type, string Format, string ProposedDates,
    string Status, ImmutableList<Proposal.Reaction> Reactions, string? ChangesNote, DateTimeOffset MadeAt, long Version,
    int Round = 1)
{
    public sealed record Reaction(Guid MemberId, string Kind, string? Comment, DateTimeOffset At);

    public int Interested => Reactions.Count(r => r.Kind == Offers.Reactions.Interested);

    public int NotForMe => Reactions.Count(r => r.Kind == Offers.Reactions.NotForMe);

    public static Proposal Create(ProposalMade e) =>
        new(e.ProposalId, e.CoalitionId, e.QuestionId, e.ProposedBy, e.Title, e.Outcome, e.Type, e.Format, e.ProposedDates,
            ProposalStatus.Open, [], null, e.MadeAt, 1, e.Round);

    /// <summary>Interest and "not for me" replace a member's earlier one; comments add up.</summary>
    public Proposal Apply(ProposalReacted e) => this with
    {
        Reactions = (e.Reaction == Offers.Reactions.Comment ? Reactions : Reactions.RemoveAll(r => r.MemberId == e.MemberId && r.Kind != Offers.Reactions.Comment))
            .Add(new Reaction(e.MemberId, e.Reaction, e.Comment, e.ReactedAt)),
        Version = Version + 1,
    };

    public Proposal Apply(ProposalChangesRequested e) => this with { Status = ProposalStatus.ChangesRequested, ChangesNote = e.Note, Version = Version + 1 };

    public Proposal Apply(ProposalRevised e) => this with
    {
        Title = e.Title, Outcome = e.Outcome, ProposedDates = e.ProposedDates, Status = ProposalStatus.Open, Version = Version + 1,
    };

    public Proposal Apply(ProposalAccepted _) => this with { Status = ProposalStatus.Accepted, Version = Version + 1 };

    public const string NotFound = "Dit voorstel bestaat niet.";
}
