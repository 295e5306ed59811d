using HetInitiatief.Initiative;
using System.Collections.Immutable;
using System.Security.Cryptography;

namespace HetInitiatief.Coalitions;

/// <summary>
/// How a member is involved in a coalition (the network analysis in the seeds: initiator, partner,
/// link, supplier, user). Partners — and the initiator — carry the coalition and count toward its threshold.
/// </summary>
public static class Positions
{
    public const string Initiator = "initiator";
    public const string Partner = "partner";
    public const string Supplier = "supplier";
    public const string Link = "link";
    public const string User = "user";

    public static readonly IReadOnlyDictionary<string, string> Joinable = new Dictionary<string, string>
    {
        [Partner] = "Partner: ik wil dit leren en draag het mee",
        [Supplier] = "Leverancier: ik breng expertise, materiaal of middelen in",
        [Link] = "Schakel: ik verbind de groep met mensen en bronnen",
        [User] = "Gebruiker: ik wil gebruiken wat eruit komt",
    };

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Initiator] = "Initiatiefnemer", [Partner] = "Partners", [Supplier] = "Leveranciers", [Link] = "Schakels", [User] = "Gebruikers",
    };

    public static readonly IReadOnlyDictionary<string, string> Singular = new Dictionary<string, string>
    {
        [Initiator] = "initiatiefnemer", [Partner] = "partner", [Supplier] = "leverancier", [Link] = "schakel", [User] = "gebruiker",
    };

    public static bool CountsTowardThreshold(string position) => position is Initiator or Partner;

    public const string Unknown = "Kies hoe je betrokken bent: partner, supplier, link of user.";
}

public static class CoalitionStatus
{
    public const string Open = "open";
    public const string Closed = "closed";

    /// <summary>The group reached the completion criteria it agreed: done, and distinct from closing below threshold.</summary>
    public const string Completed = "completed";
}

/// <summary>The state decisions about a coalition need, rebuilt from its events on every write.</summary>
public sealed record Coalition(
    Guid Id, Guid QuestionId, Guid InitiatorId, int Threshold, DateTimeOffset? ClosesAt, string Status, bool ThresholdReached,
    ImmutableDictionary<Guid, string> Members, Guid? HandoverOfferedTo = null, Guid? AcceptedProposalId = null,
    ImmutableHashSet<Guid>? Endorsers = null, InitiativeCycle? Cycle = null)
{
    public InitiativeCycle Progress => Cycle ?? InitiativeCycle.Empty;

    public bool IsCompleted => Status == CoalitionStatus.Completed;

    public int Partners => Members.Values.Count(Positions.CountsTowardThreshold);

    public bool IsClosed => Status == CoalitionStatus.Closed;

    /// <summary>
    /// Accepts a change of a member's position (joining: from none), adding the milestone when this is
    /// the change that brings the partners to the threshold for the first time.
    /// </summary>
    public Decision Accept(object change, string? from, string to, DateTimeOffset now)
    {
        var partners = Partners - (from is not null && Positions.CountsTowardThreshold(from) ? 1 : 0) + (Positions.CountsTowardThreshold(to) ? 1 : 0);
        return !ThresholdReached && partners >= Threshold
            ? Decision.Accept(change, new CoalitionThresholdReached(Id, partners, Threshold, now))
            : Decision.Accept(change);
    }

    public static Coalition Create(CoalitionFormed e) =>
        new(e.CoalitionId, e.QuestionId, e.FormedBy, e.Threshold, e.ClosesAt, CoalitionStatus.Open, false,
            ImmutableDictionary<Guid, string>.Empty.Add(e.FormedBy, Positions.Initiator));

    public Coalition Apply(MemberJoinedCoalition e) => this with { Members = Members.SetItem(e.MemberId, e.Position) };

    public Coalition Apply(CoalitionPositionChanged e) => this with { Members = Members.SetItem(e.MemberId, e.Position) };

    public Coalition Apply(MemberLeftCoalition e) => this with
    {
        Members = Members.Remove(e.MemberId),
        InitiatorId = e.MemberId == InitiatorId ? Guid.Empty : InitiatorId,
        HandoverOfferedTo = e.MemberId == HandoverOfferedTo || e.MemberId == InitiatorId ? null : HandoverOfferedTo,
    };

    public bool SeeksInitiator => InitiatorId == Guid.Empty;

    public Coalition Apply(CoalitionThresholdReached _) => this with { ThresholdReached = true };

    public Coalition Apply(CoalitionClosed _) => this with { Status = CoalitionStatus.Closed };

    public Coalition Apply(CoalitionClosingDateExtended e) => this with { ClosesAt = e.ClosesAt };

    public Coalition Apply(InitiativeHandoverOffered e) => this with { HandoverOfferedTo = e.OfferedTo };

    public Coalition Apply(CoalitionOfferAccepted e) => this with
    {
        AcceptedProposalId = e.ProposalId, Cycle = Progress.Apply(e),
    };

    public Coalition Apply(ApproachRecorded e) => this with { Cycle = Progress.Apply(e) };

    public Coalition Apply(ApproachRevisionProposed e) => this with { Cycle = Progress.Apply(e) };

    public Coalition Apply(ApproachRevisionAdopted e) => this with { Cycle = Progress.Apply(e) };

    public Coalition Apply(TrialAgreed e) => this with { Cycle = Progress.Apply(e) };

    public Coalition Apply(ExperienceShared e) => this with { Cycle = Progress.Apply(e) };

    public Coalition Apply(TrialReviewed e) => this with { Cycle = Progress.Apply(e) };

    public Coalition Apply(CompletionCriteriaProposed e) => this with { Cycle = Progress.Apply(e) };

    public Coalition Apply(CompletionCriteriaSupported e) => this with { Cycle = Progress.Apply(e) };

    public Coalition Apply(CompletionCriteriaAgreed e) => this with { Cycle = Progress.Apply(e) };

    public Coalition Apply(InitiativeCompleted _) => this with { Status = CoalitionStatus.Completed };

    public Coalition Apply(CoalitionEndorsed e) => this with { Endorsers = (Endorsers ?? []).Add(e.EndorsedBy) };

    public Coalition Apply(CoalitionEndorsementWithdrawn e) => this with { Endorsers = (Endorsers ?? []).Remove(e.WithdrawnBy) };

    public Coalition Apply(InitiativeHandedOver e) => this with
    {
        InitiatorId = e.To,
        HandoverOfferedTo = null,
        Members = Members.SetItem(e.From, Positions.Partner).SetItem(e.To, Positions.Initiator),
    };

    public Coalition Apply(InitiativeTakenOn e) => this with
    {
        InitiatorId = e.MemberId,
        HandoverOfferedTo = null,
        Members = Members.SetItem(e.MemberId, Positions.Initiator),
    };

    /// <summary>
    /// A question has at most one coalition, so the coalition's stream id is derived from the question's:
    /// the event store's unique stream id then refuses a second one, however close together they are formed.
    /// </summary>
    public static Guid IdFor(Guid questionId)
    {
        Span<byte> input = stackalloc byte[32];
        CoalitionNamespace.TryWriteBytes(input);
        questionId.TryWriteBytes(input[16..]);
        var hash = SHA256.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5-style: name-based
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }

    private static readonly Guid CoalitionNamespace = new("5b0c3d2e-8f41-4d6a-9a3e-7c1f2b9d4e60");
}
