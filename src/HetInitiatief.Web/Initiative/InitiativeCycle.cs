using System.Collections.Immutable;
using HetInitiatief.Coalitions;

namespace HetInitiatief.Initiative;

/// <summary>Where a trial stands, as the decisions and the phase need it (texts live in the timeline).</summary>
public sealed record TrialState(Guid Id, int Round, DateOnly Until, int Experiences, bool Reviewed);

/// <summary>
/// The initiative's cycle as the coalition's decisions and read model both carry it: approach, pending revisions,
/// trials, completion criteria. Small on purpose — the texts of experiences and reviews are in the timeline.
/// </summary>
public sealed record InitiativeCycle(
    int ApproachVersion, ImmutableHashSet<Guid> PendingRevisions, ImmutableList<TrialState> Trials,
    bool CriteriaProposed, ImmutableHashSet<Guid> CriteriaSupporters, bool CriteriaAgreed, int? AcceptedInRound)
{
    public static readonly InitiativeCycle Empty = new(0, [], [], false, [], false, null);

    public bool HasApproach => ApproachVersion > 0;

    public TrialState? CurrentTrial => Trials.IsEmpty ? null : Trials[^1];

    public bool TrialUnderway => CurrentTrial is { Reviewed: false };

    public int ReviewedTrials => Trials.Count(t => t.Reviewed);

    /// <summary>The offer round: the first before any trial, a new one after every review.</summary>
    public int OfferRound => ReviewedTrials + 1;

    public bool OfferAcceptedThisRound => AcceptedInRound == OfferRound;

    public InitiativeCycle Apply(ApproachRecorded e) => this with { ApproachVersion = e.Version };

    public InitiativeCycle Apply(ApproachRevisionProposed e) => this with
    {
        PendingRevisions = PendingRevisions.Add(e.RevisionId),
    };

    public InitiativeCycle Apply(ApproachRevisionAdopted e) => this with
    {
        ApproachVersion = e.Version, PendingRevisions = PendingRevisions.Remove(e.RevisionId),
    };

    public InitiativeCycle Apply(TrialAgreed e) => this with
    {
        Trials = Trials.Add(new TrialState(e.TrialId, e.Round, e.Until, 0, false)),
    };

    public InitiativeCycle Apply(ExperienceShared e) => this with
    {
        Trials = Trials
            .Select(t => t.Id == e.TrialId ? t with { Experiences = t.Experiences + 1 } : t)
            .ToImmutableList(),
    };

    public InitiativeCycle Apply(TrialReviewed e) => this with
    {
        Trials = Trials.Select(t => t.Id == e.TrialId ? t with { Reviewed = true } : t).ToImmutableList(),
    };

    public InitiativeCycle Apply(CompletionCriteriaProposed e) => this with
    {
        CriteriaProposed = true, CriteriaSupporters = [e.ProposedBy], CriteriaAgreed = false,
    };

    public InitiativeCycle Apply(CompletionCriteriaSupported e) => this with
    {
        CriteriaSupporters = CriteriaSupporters.Add(e.SupportedBy),
    };

    public InitiativeCycle Apply(CompletionCriteriaAgreed _) => this with { CriteriaAgreed = true };

    public InitiativeCycle Apply(CoalitionOfferAccepted _) => this with { AcceptedInRound = OfferRound };
}

/// <summary>The phases a coalition goes through, shown wherever a coalition shows.</summary>
public static class Phases
{
    public const string Forming = "forming";
    public const string LargeEnough = "largeEnough";
    public const string Trying = "trying";
    public const string Reviewing = "reviewing";
    public const string Completed = "completed";
    public const string Closed = "closed";

    public static readonly string[] Path = [Forming, LargeEnough, Trying, Reviewing, Completed];

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Forming] = "Groep vormt zich", [LargeEnough] = "Groot genoeg", [Trying] = "Uitproberen",
        [Reviewing] = "Terugblikken", [Completed] = "Afgerond", [Closed] = "Gesloten",
    };

    /// <summary>
    /// A trial is being tried until its last day; after that (or once reviewed) the group looks back.
    /// </summary>
    public static string Of(string status, bool thresholdReached, InitiativeCycle? cycle, DateOnly today) =>
        status == CoalitionStatus.Completed ? Completed
        : status == CoalitionStatus.Closed ? Closed
        : (cycle ?? InitiativeCycle.Empty).CurrentTrial is { } trial
            ? (!trial.Reviewed && today <= trial.Until ? Trying : Reviewing)
        : thresholdReached ? LargeEnough
        : Forming;

    /// <summary>The next step for the group in a phase, in a sentence.</summary>
    public static string NextStep(string phase, InitiativeCycle? cycle) =>
        (phase, cycle ?? InitiativeCycle.Empty) switch
        {
            (Forming, _) => "Nodig collega's uit: de groep is nog niet groot genoeg.",
            (LargeEnough, { HasApproach: false }) =>
                "Leg samen de aanpak vast: wat probeer je, voor wie, met welk doel?",
            (LargeEnough, _) => "Spreek een proef af: wat probeer je uit, tot wanneer, en waar let je op?",
            (Trying, _) => "Probeer het uit en deel wat er gebeurde.",
            (Reviewing, { TrialUnderway: true }) =>
                "Blik terug op de proef: wat ging goed, wat doe je volgende keer anders?",
            (Reviewing, { CriteriaAgreed: false }) =>
                "Spreek een volgende proef af, of spreek af wanneer het initiatief af is.",
            (Reviewing, _) => "Spreek een volgende proef af, of rond het initiatief af en vier het succes.",
            (Completed, _) => "Afgerond. Deel wat jullie maakten, zodat de volgende collega verder kan.",
            _ => "Deze coalitie is gesloten.",
        };
}
