using HetInitiatief.Coalitions;
using HetInitiatief.Initiative;
using Microsoft.AspNetCore.Mvc;

namespace HetInitiatief.Questions;

/// <summary>
/// The initiative's timeline on the question page: approach, trials, experiences, review, completion, updates.
/// Every form is shown by the rule its decision uses, and posts to the same method as the API.
/// </summary>
public sealed partial class QuestionPageModel
{
    [BindProperty] public string? ApproachWhat { get; set; }
    [BindProperty] public string? ApproachForWhom { get; set; }
    [BindProperty] public string? ApproachGoal { get; set; }
    [BindProperty] public DateOnly? ApproachTargetDate { get; set; }
    [BindProperty] public int? ApproachExpectedVersion { get; set; }
    [BindProperty] public Guid? RevisionId { get; set; }
    [BindProperty] public string? TrialWhat { get; set; }
    [BindProperty] public DateOnly? TrialUntil { get; set; }
    [BindProperty] public string? TrialWatchFor { get; set; }
    [BindProperty] public Guid? TrialId { get; set; }
    [BindProperty] public string? ExperienceEvidence { get; set; }
    [BindProperty] public string? ExperienceText { get; set; }
    [BindProperty] public IFormFile? ExperienceFile { get; set; }
    [BindProperty] public string? ReviewWentWell { get; set; }
    [BindProperty] public string? ReviewNextTime { get; set; }
    [BindProperty] public string? CompletionCriteria { get; set; }
    [BindProperty] public string? CompletionCelebration { get; set; }
    [BindProperty] public string? UpdateText { get; set; }

    public TimelineView? Timeline { get; private set; }

    public bool MayRecordApproach { get; private set; }
    public bool MayProposeRevision { get; private set; }
    public bool MayAdoptRevision { get; private set; }
    public bool MayAgreeTrial { get; private set; }
    public bool MayShareExperience { get; private set; }
    public bool MayReview { get; private set; }
    public bool MayProposeCriteria { get; private set; }
    public bool MaySupportCriteria { get; private set; }
    public bool MayComplete { get; private set; }
    public bool MayPostUpdate { get; private set; }

    /// <summary>The offer round is open (the offer decision's own rule); the form shows to who can supply.</summary>
    public bool OfferRoundOpen { get; private set; }

    private Coalition? _coalitionState;

    public bool MayAcceptProposal(Offers.ProposalView proposal) =>
        _coalitionState is { } state && proposal.Status != Offers.ProposalStatus.Accepted
        && Offers.ReactAndDecideEndpoints.MayAccept(proposal.Round, state, User.MemberId()) is null;

    /// <summary>
    /// The timeline as it stands (or stood, when looking back); the forms only for now, never in the past.
    /// </summary>
    private async Task LoadTimelineAsync(Marten.IQuerySession session, CancellationToken ct)
    {
        if (Coalition is null) return;
        Timeline = await GetTimelineEndpoint.ReadAsync(Coalition.Id, session, clock.GetUtcNow(), ct, View.AsOf);
        if (IsTimeTravel || await session.LoadAsync<Coalition>(Coalition.Id, ct) is not { } state) return;
        _coalitionState = state;
        var me = User.MemberId();
        var trial = state.Progress.CurrentTrial;
        MayRecordApproach = RecordApproachEndpoint.MayRecord(state, me) is null;
        MayProposeRevision = ApproachRevisionEndpoints.MayPropose(state, me) is null;
        MayAdoptRevision = MayRecordApproach && !state.Progress.PendingRevisions.IsEmpty;
        MayAgreeTrial = AgreeTrialEndpoint.MayAgree(state, me) is null;
        MayShareExperience = trial is { Reviewed: false }
            && ShareExperienceEndpoint.MayShare(state, trial.Id, me) is null;
        MayReview = trial is not null && ReviewTrialEndpoint.MayReview(state, trial.Id, me) is null;
        MayProposeCriteria = InitiativeRules.MustBeUnderway(state) is null
            && InitiativeRules.MustCarry(state, me, "") is null && state.Progress.Trials.Count > 0;
        MaySupportCriteria = CompletionCriteriaEndpoints.MaySupport(state, me) is null
            && !state.Progress.CriteriaSupporters.Contains(me);
        MayComplete = CompleteInitiativeEndpoint.MayComplete(state, me) is null;
        MayPostUpdate = PostUpdateEndpoint.MayPost(state, me) is null;
        OfferRoundOpen =
            Offers.MakeProposalEndpoints.MayPropose(state.Status, state.ThresholdReached, state.Progress) is null;
        // The approach form says which version it revises: the one shown now, also after a refused (stale) attempt.
        ApproachExpectedVersion = state.Progress.ApproachVersion;
        ModelState.Remove(nameof(ApproachExpectedVersion));
        if (!ModelState.IsValid) return;
        if (Timeline?.Approach is { } approach)
            (ApproachWhat, ApproachForWhom, ApproachGoal, ApproachTargetDate) =
                (approach.What, approach.ForWhom, approach.Goal, approach.TargetDate);
    }

    private Guid CoalitionId => Coalitions.Coalition.IdFor(Id);

    public Task<IActionResult> OnPostRecordApproachAsync(CancellationToken ct) =>
        RunAsync(now => Fields("Approach", RecordApproachEndpoint.RecordAsync(CoalitionId,
                new RecordApproach(ApproachWhat, ApproachForWhom, ApproachGoal, ApproachTargetDate,
                    ApproachExpectedVersion),
                User.MemberId(), store, now, ct)),
            "aanpak", "De aanpak is vastgelegd.", ct);

    public Task<IActionResult> OnPostProposeRevisionAsync(CancellationToken ct) =>
        RunAsync(now => Fields("Approach", ApproachRevisionEndpoints.ProposeAsync(CoalitionId,
                new ProposeApproachRevision(ApproachWhat, ApproachForWhom, ApproachGoal, ApproachTargetDate),
                User.MemberId(), store, now, ct)),
            "aanpak", "Je voorstel is verstuurd naar de initiatiefnemer.", ct);

    public Task<IActionResult> OnPostAdoptRevisionAsync(CancellationToken ct) =>
        RunAsync(now => ApproachRevisionEndpoints.AdoptAsync(CoalitionId, RevisionId ?? Guid.Empty, User.MemberId(),
            store, now, ct), "aanpak", "De voorgestelde aanpak is overgenomen.", ct);

    public Task<IActionResult> OnPostAgreeTrialAsync(CancellationToken ct) =>
        RunAsync(now => Fields("Trial", AgreeTrialEndpoint.AgreeAsync(CoalitionId,
                new AgreeTrial(TrialWhat, TrialUntil, TrialWatchFor), User.MemberId(), store, now, ct)),
            "proeven", "De proef is afgesproken. Succes met uitproberen!", ct);

    public Task<IActionResult> OnPostShareExperienceAsync(CancellationToken ct) =>
        RunAsync(now => Fields("Experience", ExperienceFile is { Length: > 0 } file
                ? ExperienceFilesEndpoint.ShareWithFileAsync(CoalitionId, TrialId ?? Guid.Empty,
                    new ShareExperience(ExperienceEvidence, ExperienceText), file, User.MemberId(), store, now, ct)
                : ShareExperienceEndpoint.ShareAsync(CoalitionId, TrialId ?? Guid.Empty,
                    new ShareExperience(ExperienceEvidence, ExperienceText), User.MemberId(), store, now, ct)),
            "proeven", "Je ervaring is gedeeld met de groep.", ct);

    public Task<IActionResult> OnPostReviewTrialAsync(CancellationToken ct) =>
        RunAsync(now => Fields("Review", ReviewTrialEndpoint.ReviewAsync(CoalitionId, TrialId ?? Guid.Empty,
                new ReviewTrial(ReviewWentWell, ReviewNextTime), User.MemberId(), store, now, ct)),
            "proeven", "De terugblik is vastgelegd. Spreek een volgende proef af, of rond af.", ct);

    public Task<IActionResult> OnPostProposeCriteriaAsync(CancellationToken ct) =>
        RunAsync(now => Fields("Completion", CompletionCriteriaEndpoints.ProposeAsync(CoalitionId,
                new ProposeCompletionCriteria(CompletionCriteria), User.MemberId(), store, now, ct)),
            "afronden", "Je voorstel voor de afrondingscriteria staat klaar voor de groep.", ct);

    public Task<IActionResult> OnPostSupportCriteriaAsync(CancellationToken ct) =>
        RunAsync(now => CompletionCriteriaEndpoints.SupportAsync(CoalitionId, User.MemberId(), store, now, ct),
            "afronden", "Je steunt de afrondingscriteria.", ct);

    public Task<IActionResult> OnPostCompleteAsync(CancellationToken ct) =>
        RunAsync(now => Fields("Completion", CompleteInitiativeEndpoint.CompleteAsync(CoalitionId,
                new CompleteInitiative(CompletionCelebration), User.MemberId(), store, now, ct)),
            "afronden", "Gefeliciteerd: het initiatief is afgerond! Deel het succes met een verhaal.", ct);

    public Task<IActionResult> OnPostPostUpdateAsync(CancellationToken ct) =>
        RunAsync(now => Fields("Update", PostUpdateEndpoint.PostAsync(CoalitionId, new PostUpdate(UpdateText),
            User.MemberId(), store, now, ct)), "updates", "Je update is geplaatst; volgers krijgen een bericht.", ct);

    /// <summary>The API names fields as the command does ("what"); on this page several forms ask "what".</summary>
    private static async Task<Outcome<T>> Fields<T>(string form, Task<Outcome<T>> write)
    {
        var outcome = await write;
        return outcome.Problem is { Errors.Count: > 0 } problem
            ? problem with
            {
                Errors = problem.Errors.ToDictionary(
                    e => form + char.ToUpperInvariant(e.Key[0]) + e.Key[1..], e => e.Value),
            }
            : outcome;
    }
}
