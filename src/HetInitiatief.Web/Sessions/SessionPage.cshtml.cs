using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Sessions;

[Members.AllowUnconfirmed("Cancel")]
public sealed class SessionPageModel(IDocumentStore store, Membership.TierSettings tiers, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    [BindProperty] public List<Guid> Attended { get; set; } = [];
    [BindProperty] public int? Rating { get; set; }
    [BindProperty] public string? ChangeInPractice { get; set; }
    [BindProperty] public DateOnly? Day { get; set; }
    [BindProperty] public TimeOnly? From { get; set; }
    [BindProperty] public TimeOnly? Until { get; set; }

    public SessionView View { get; private set; } = null!;

    /// <summary>Who has a seat, by name: shown to the host and to those who take part, not to every visitor.</summary>
    public IReadOnlyList<Questions.Person> Participants { get; private set; } = [];

    /// <summary>For the host of open supply: open questions and coalitions on the theme, where the offer may fit.</summary>
    public IReadOnlyList<QuestionSeekingSupply> Matching { get; private set; } = [];

    /// <summary>The coalition's question, when the session is for a coalition: the page links back to it.</summary>
    public (Guid Id, string Title)? Question { get; private set; }

    public bool IsHost => View.Host.Id == User.MemberId();

    public bool SeesParticipants => IsHost || View.Me.Status == SignUpEndpoints.SignedUp;

    /// <summary>False when the session is provider-led and the member's tier does not include it, so the page explains before they click.</summary>
    public bool MayJoinProviderSessions { get; private set; } = true;

    /// <summary>
    /// The sign-up button shows when the sign-up decision's own rule takes sign-ups now (not called off, before the
    /// deadline) and this member is neither the host nor already in; the page does not re-derive the rule.
    /// </summary>
    public bool SignUpOpen { get; private set; }

    public async Task<IActionResult> OnPostCallOffAsync(CancellationToken ct) =>
        await AfterAsync((await HostActions.CallOffAsync(Id, User.MemberId(), store, clock.GetUtcNow(), ct)).Problem,
            "De bijeenkomst is afgezegd. Wie was aangemeld of op de wachtlijst stond, krijgt bericht.", null, ct);

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken ct) =>
        await AfterAsync((await HostActions.MoveAsync(Id, new MoveSession(NewSessionModel.Local(Day, From),
            NewSessionModel.Local(Day, Until), null),
                User.MemberId(), store, clock.GetUtcNow(), ct)).Problem,
            "De bijeenkomst is verplaatst. Wie is aangemeld of op de wachtlijst staat, krijgt bericht; de aanmeldingen blijven staan.",
            new SessionForm(Day, From, Until, null, SessionForm.MoveFields), ct);

    public async Task<IActionResult> OnPostAttendanceAsync(CancellationToken ct) =>
        await AfterAsync((await HostActions.RecordAttendanceAsync(Id, new RecordAttendance(Attended),
            User.MemberId(), store, clock.GetUtcNow(), ct)).Problem,
            "De aanwezigheid is bewaard. Wie erbij was, kan nu feedback geven.", null, ct);

    public async Task<IActionResult> OnPostFeedbackAsync(CancellationToken ct) =>
        await AfterAsync((await GiveFeedbackEndpoint.GiveAsync(Id, new GiveFeedback(Rating, ChangeInPractice),
            User.MemberId(), store, clock.GetUtcNow(), ct)).Problem,
            "Dank je wel voor je feedback. De organisator ziet je cijfer, samen met dat van de anderen.", null, ct);

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        var outcome = await SignUpEndpoints.CancelAsync(Id, User.MemberId(), store, clock.GetUtcNow(), ct);
        return await AfterAsync(outcome.Problem,
            outcome.Value?.WasWaiting == true ? "Je staat niet meer op de wachtlijst." : "Je bent afgemeld. Je plek is vrij voor een collega.", null, ct);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostSignUpAsync(CancellationToken ct)
    {
        var outcome = await SignUpEndpoints.SignUpAsync(Id, User.MemberId(), store, tiers, clock.GetUtcNow(), ct);
        return await AfterAsync(outcome.Problem, outcome.Value?.Status == SignUpEndpoints.Waiting
            ? "Je staat op de wachtlijst — je hoort het als er een plek vrijkomt."
            : "Je bent aangemeld. Je vindt de bijeenkomst terug onder Mijn bijeenkomsten.", null, ct);
    }

    private Task<IActionResult> AfterAsync(
        Problem? problem, string confirmation, SessionForm? form, CancellationToken ct) =>
        this.RedirectOrShowAsync(problem, () => Redirect($"/bijeenkomsten/{Id}#plekken"), () => ShowAsync(ct),
            confirmation,
            form is null ? null : refusal => form.AddTo(ModelState, refusal));

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var view = await GetSessionEndpoints.ReadAsync(Id, User.MemberId(), session, ct);
        if (view is null) return NotFound();
        View = view;
        var state = (await session.LoadAsync<Session>(Id, ct))!;
        var coalition = view.CoalitionId is { } coalitionId
            ? await session.LoadAsync<Coalitions.CoalitionDetails>(coalitionId, ct)
            : null;
        var isCoalitionMember = coalition?.Members.Any(m => m.MemberId == User.MemberId()) == true;
        if (SignUpEndpoints.NeedsEntitlement(state, isCoalitionMember) && view.Me.Status == SignUpEndpoints.None && !IsHost)
            MayJoinProviderSessions = (await Membership.Tiers.LoadAsync(session, User.MemberId(), clock.GetUtcNow(),
                tiers, ct))?.Includes(Membership.Entitlements.ProviderSessions) == true;
        SignUpOpen = !IsHost && view.Me.Status == SignUpEndpoints.None
            && Session.MustTakeSignUps(state, clock.GetUtcNow()) is null;
        if (SeesParticipants)
        {
            var seated = state.Participants;
            var names = await Members.MemberProfile.NamesAsync(session, seated, ct);
            Participants = seated.Select(m => Questions.Person.Of(m, names)).ToList();
        }
        if (IsHost && state.Status != SessionStatus.CalledOff && state.StartsAt > clock.GetUtcNow())
            Matching = await OpenSupply.MatchAsync(session, state, ct);
        if (coalition is not null
            && await session.LoadAsync<Questions.QuestionBoardItem>(coalition.QuestionId, ct) is { } question)
            Question = (question.Id, question.Title);
        return Page();
    }
}
