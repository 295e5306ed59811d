using HetInitiatief.Coalitions;
using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Questions;

/// <summary>
/// One question: what is asked, the follow-ups and answers, and how the question sharpened over time.
/// Every form posts back here and runs the same decision as the API. A visitor who was sent the link sees a
/// preview and the way in; every form needs a member.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[Members.AllowUnconfirmed("Follow", "Leave")]
public sealed partial class QuestionPageModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? At { get; set; }

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public Guid? FollowUpId { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Context { get; set; }
    [BindProperty] public long? ExpectedVersion { get; set; }
    [BindProperty] public string? Goal { get; set; }

    [BindProperty] public bool Follow { get; set; }
    [BindProperty] public Guid? LinkTo { get; set; }
    [BindProperty] public bool? Reached { get; set; }
    [BindProperty] public string? Story { get; set; }

    public IReadOnlyList<SimilarQuestion> Similar { get; private set; } = [];

    /// <summary>For the owner: colleagues who know about the question's themes (the makelfunctie).</summary>
    public IReadOnlyList<Matching.Colleague> Colleagues { get; private set; } = [];

    public QuestionView View { get; private set; } = null!;

    public bool Follows { get; private set; }

    public int FollowerCount { get; private set; }

    public bool IsOwner => View.Owner.Id == User.MemberId();

    public bool IsTimeTravel => View.AsOf is not null;

    /// <summary>The one step this viewer takes next, for the "Wat nu?" box.</summary>
    public NextStep? Next { get; private set; }

    public CoalitionSession? CoalitionSession { get; private set; }

    /// <summary>The viewer may make an offer to the coalition: a provider, or a member who offers one of its themes.</summary>
    public bool CanSupply { get; private set; }

    /// <summary>For a visitor: the public preview instead of the question page.</summary>
    public QuestionPreview? Preview { get; private set; }

    public bool ShowsAfterwards => NextSteps.ShowsAfterwards(View, CoalitionSession, clock.GetUtcNow())
        || Coalition?.Status == CoalitionStatus.Completed;

    /// <summary>The follow-up form: <see cref="AskFollowUpEndpoint.MayAsk"/>, the rule the decision uses.</summary>
    public bool MayAskFollowUp { get; private set; }

    /// <summary>
    /// The owner's tools (answer, reformulate, goal, withdraw, form a coalition):
    /// <see cref="QuestionRules.MustBeOpenForOwner"/>, the rule those decisions use.
    /// </summary>
    public bool MayChangeAsOwner { get; private set; }

    /// <summary>The afterwards section shows to the owner once there is something to tell.</summary>
    public bool MayWriteAfterwards => MayChangeAsOwner && ShowsAfterwards;

    /// <summary>The link buttons under similar questions: <see cref="LinkQuestionEndpoint.MayLink"/>.</summary>
    public bool MayLink { get; private set; }

    /// <summary>Merging needs a moderator and a question still open, as the merge decision does.</summary>
    public bool MayMerge { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.IsSignedIn()) return await ShowAsync(ct) ?? Page();
        await using var session = store.QuerySession();
        Preview = await QuestionPreview.ReadAsync(Id, session, ct);
        return Preview is null ? NotFound() : Page();
    }

    /// <summary>Reading the preview is open to visitors; every form on the page is for members only.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!HttpMethods.IsGet(Request.Method) && !User.IsSignedIn())
        {
            // After signing in they come back to the question, not to the form's handler URL.
            context.Result = Challenge(new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = $"/vragen/{Id}" });
            return;
        }
        await next();
    }

    public Task<IActionResult> OnPostFollowUpAsync(CancellationToken ct) =>
        RunAsync(now => AskFollowUpEndpoint.AskAsync(Id, new AskFollowUp(Text), User.MemberId(), store, now, ct),
            "vervolgvragen", "Je vervolgvraag staat erbij.", ct);

    public Task<IActionResult> OnPostAnswerAsync(CancellationToken ct) =>
        RunAsync(now => AnswerFollowUpEndpoint.AnswerAsync(Id, FollowUpId ?? Guid.Empty, new AnswerFollowUp(Answer), User.MemberId(), store, now, ct),
            $"vervolgvraag-{FollowUpId}", "Je antwoord staat erbij.", ct);

    public Task<IActionResult> OnPostReformulateAsync(CancellationToken ct) =>
        RunAsync(now => ReformulateQuestionEndpoint.ReformulateAsync(Id, new ReformulateQuestion(Title, Context, ExpectedVersion), User.MemberId(), store, now, ct),
            "geschiedenis", "Nieuwe versie bewaard. De vorige blijft te zien in de geschiedenis.", ct);

    public Task<IActionResult> OnPostGoalAsync(CancellationToken ct) =>
        RunAsync(now => SetGoalEndpoint.SetAsync(Id, new SetGoal(Goal), User.MemberId(), store, now, ct),
            "doel", "Het doel is vastgelegd.", ct);

    public Task<IActionResult> OnPostFollowAsync(CancellationToken ct) =>
        RunAsync(now => FollowQuestionEndpoints.SetAsync(Id, User.MemberId(), Follow, store, now, ct),
            "", Follow ? "Je volgt deze vraag." : "Je volgt deze vraag niet meer.", ct);

    public Task<IActionResult> OnPostLinkAsync(CancellationToken ct) =>
        RunAsync(now => LinkQuestionEndpoint.LinkAsync(Id, new LinkQuestion(LinkTo), User.MemberId(), store, now, ct),
            "lijkt-op", "De vragen zijn gekoppeld.", ct);

    public Task<IActionResult> OnPostGoalOutcomeAsync(CancellationToken ct) =>
        RunAsync(now => AfterwardsEndpoints.RecordOutcomeAsync(Id, new RecordGoalOutcome(Reached), User.MemberId(),
            store, now, ct),
            "doel", Reached == true ? "Vastgelegd: het doel is bereikt. Gefeliciteerd!" : "Vastgelegd: het doel is nog niet bereikt.", ct);

    public Task<IActionResult> OnPostStoryAsync(CancellationToken ct) =>
        RunAsync(now => AfterwardsEndpoints.PublishStoryAsync(Id, new PublishSuccessStory(Story), User.MemberId(),
            store, now, ct),
            "successen", "Je succesverhaal is gepubliceerd.", ct);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) =>
        RunAsync(now => WithdrawQuestionEndpoint.WithdrawAsync(Id, User.MemberId(), store, now, ct),
            "", "Je vraag is ingetrokken.", ct);

    /// <summary>Post, redirect, get — or, when refused, the page again with the reasons and everything typed still there.</summary>
    private async Task<IActionResult> RunAsync<T>(
        Func<DateTimeOffset, Task<Outcome<T>>> command, string anchor, string confirmation, CancellationToken ct)
    {
        var refusal = (await command(clock.GetUtcNow())).Problem;
        return await this.RedirectOrShowAsync(refusal,
            () => Redirect($"/vragen/{Id}" + (anchor.Length > 0 ? "#" + anchor : "")), async () =>
        {
            // The question itself gone is the 404 page; something else unknown (a follow-up) shows on the stored page.
            if (refusal!.Status == StatusCodes.Status404NotFound && await ShowAsync(ct) is { } notFound) return notFound;
            At = null;
            return await ShowAsync(ct, keepForm: true) ?? Page();
        }, confirmation);
    }

    private async Task<IActionResult?> ShowAsync(CancellationToken ct, bool keepForm = false)
    {
        await using var session = store.QuerySession();
        var outcome = await GetQuestionEndpoint.ReadAsync(Id, At, session, ct);
        if (outcome.Problem is { Status: StatusCodes.Status404NotFound }) return NotFound();
        if (outcome.Problem is { } problem)
        {
            ModelState.AddProblem(problem);
            At = null;
            outcome = await GetQuestionEndpoint.ReadAsync(Id, null, session, ct);
            if (outcome.Problem is not null) return NotFound();
        }

        View = outcome.Value!;
        Coalition = await GetCoalitionEndpoint.ReadAsync(Id, session, clock.GetUtcNow(), ct, View.AsOf);
        // Looking back in time nothing can be done, so only the present question is rebuilt for the rules.
        var question = View.AsOf is null ? await session.Events.AggregateStreamAsync<Question>(Id, token: ct) : null;
        await DecideWhatTheCoalitionOffersAsync(session, question, ct);
        Proposals = Coalition is { } coalition
            ? await Offers.GetProposalsEndpoint.ReadAsync(coalition.Id, session, ct, View.AsOf) : [];
        // The viewer's profile is read once: for what the moderation hid, moderating, and backing as a school leader.
        var viewer = await session.LoadAsync<Members.MemberProfile>(User.MemberId(), ct);
        IsModerator = Moderation.Moderators.Are(viewer);
        DecideWhatTheQuestionOffers(question);
        if (View.AsOf is null) (View, Proposals) = await Moderation.HiddenContent.ForViewerAsync(session, View, Proposals, User.MemberId(), () => Task.FromResult(IsModerator), ct);
        var followers = await FollowQuestionEndpoints.FollowerIdsAsync(session, Id, ct);
        Similar = View.AsOf is null && View.Status == QuestionStatus.Open
            ? await SimilarQuestions.FindAsync(session, $"{View.Title} {View.Context}", View.Themes.Select(t => t.Code).ToList(), Id, View.Linked.Select(l => l.Id).ToList(), ct)
            : [];
        (Follows, FollowerCount) = (followers.Contains(User.MemberId()), followers.Count);
        await LoadEndorsingAsync(session, viewer, ct);
        CoalitionSession = Coalition is { } formed ? await LatestSessionAsync(session, formed.Id, View.AsOf, ct) : null;
        CanSupply = viewer?.CanSupply(View.Themes.Select(t => t.Code)) == true;
        await LoadTimelineAsync(session, ct);
        if (IsOwner && View.AsOf is null && View.Status == QuestionStatus.Open)
            MergesProposedHere = await Moderation.MergeProposalEndpoints.ProposedIntoAsync(session, Id, ct);
        if (IsOwner && View.AsOf is null && View.Status == QuestionStatus.Open)
            Colleagues = (await Matching.QuestionMatchesEndpoint.ReadAsync(Id, User.MemberId(), session, ct)).Value?.Colleagues ?? [];
        Next = NextSteps.For(View, Coalition, Proposals, CoalitionSession, User.MemberId(), CanSupply, clock.GetUtcNow(),
            Timeline);
        if (!keepForm)
        {
            Title = View.Title;
            Context = View.Context;
            Goal = View.Goal;
        }
        // A refused rewrite is shown against the question as it is now; resubmitting is based on that.
        ExpectedVersion = View.Version;
        ModelState.Remove(nameof(ExpectedVersion));
        return null;
    }

    private void DecideWhatTheQuestionOffers(Question? question)
    {
        if (question is null) return;
        var me = User.MemberId();
        MayAskFollowUp = AskFollowUpEndpoint.MayAsk(question, me) is null;
        MayChangeAsOwner = QuestionRules.MustBeOpenForOwner(question, me, "") is null;
        MayLink = LinkQuestionEndpoint.MayLink(question, me, IsModerator) is null;
        MayMerge = IsModerator && QuestionRules.MustBeOpen(question) is null;
        DecidesOnMerge = Moderation.MergeProposalEndpoints.MustBeAnOwner(question, View.MergeProposal?.IntoOwner.Id, me)
            is null;
    }

    /// <param name="asOf">Looking back: the latest session as it stood then, if it was planned by then.</param>
    private async Task<CoalitionSession?> LatestSessionAsync(
        IQuerySession session, Guid coalitionId, DateTimeOffset? asOf, CancellationToken ct)
    {
        var latest = await session.Query<Sessions.Session>().Where(s => s.CoalitionId == coalitionId)
            .OrderByDescending(s => s.StartsAt).FirstOrDefaultAsync(ct);
        if (latest is not null && asOf is { } when)
            latest = await session.Events.AggregateStreamAsync<Sessions.Session>(latest.Id, timestamp: when.ToUniversalTime(),
                token: ct);
        var me = User.MemberId();
        return latest is null ? null
            : new CoalitionSession(latest.Id, latest.StartsAt, latest.IsCalledOff, latest.Participants.Contains(me) || latest.Waitlist.Contains(me));
    }
}
