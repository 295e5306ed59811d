using HetInitiatief.Infrastructure;
using HetInitiatief.Shared;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine.Marten;

namespace HetInitiatief.Sessions;

[Members.AllowUnconfirmed("Cancel")]
public sealed class SessionPageModel(IDocumentStore store, IMartenOutbox outbox, Membership.TierSettings tiers, TimeProvider clock) : PageModel
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

    /// <summary>The coalition's question, when the session is for a coalition: the page links back to it.</summary>
    public (Guid Id, string Title)? Question { get; private set; }

    public bool IsHost => View.Host.Id == User.MemberId();

    public bool SeesParticipants => IsHost || View.Me.Status == SignUpEndpoints.SignedUp;

    /// <summary>False when the session is provider-led and the member's tier does not include it, so the page explains before they click.</summary>
    public bool MayJoinProviderSessions { get; private set; } = true;

    public Task<IActionResult> OnPostCallOffAsync(CancellationToken ct) =>
        DecideAsync((s, memberId, now) => HostActions.DecideCancel(s, memberId, now),
            "De bijeenkomst is afgezegd. Wie was aangemeld of op de wachtlijst stond, krijgt bericht.", ct);

    public Task<IActionResult> OnPostMoveAsync(CancellationToken ct) =>
        DecideAsync((s, memberId, now) => HostActions.DecideMove(
                s, new MoveSession(NewSessionModel.Local(Day, From), NewSessionModel.Local(Day, Until), null), memberId, now),
            "De bijeenkomst is verplaatst. Wie is aangemeld of op de wachtlijst staat, krijgt bericht; de aanmeldingen blijven staan.",
            ct,
            new SessionForm(Day, From, Until, null, SessionForm.MoveFields));

    public Task<IActionResult> OnPostAttendanceAsync(CancellationToken ct) =>
        DecideAsync((s, memberId, now) => HostActions.DecideAttendance(s, new RecordAttendance(Attended), memberId, now),
            "De aanwezigheid is bewaard. Wie erbij was, kan nu feedback geven.", ct);

    public Task<IActionResult> OnPostFeedbackAsync(CancellationToken ct) =>
        DecideAsync((s, memberId, now) => GiveFeedbackEndpoint.Decide(s, new GiveFeedback(Rating, ChangeInPractice), memberId, now),
            "Dank je wel voor je feedback. De organisator ziet je cijfer, samen met dat van de anderen.", ct);

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        var wasWaiting = false;
        return await DecideAsync((s, memberId, now) =>
        {
            wasWaiting = s.Waitlist.Contains(memberId);
            return SignUpEndpoints.DecideCancel(s, memberId, now);
        }, () => wasWaiting ? "Je staat niet meer op de wachtlijst." : "Je bent afgemeld. Je plek is vrij voor een collega.", ct);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostSignUpAsync(CancellationToken ct)
    {
        var outcome = await SignUpEndpoints.SignUpAsync(Id, User.MemberId(), store, tiers, clock.GetUtcNow(), ct);
        return await AfterAsync(outcome.Problem, outcome.Value?.Status == SignUpEndpoints.Waiting
            ? "Je staat op de wachtlijst — je hoort het als er een plek vrijkomt."
            : "Je bent aangemeld. Je vindt de bijeenkomst terug onder Mijn bijeenkomsten.", null, ct);
    }

    private Task<IActionResult> DecideAsync(
        Func<Session, Guid, DateTimeOffset, Decision> decide, string confirmation, CancellationToken ct, SessionForm? form = null) =>
        DecideAsync(decide, () => confirmation, ct, form);

    private async Task<IActionResult> DecideAsync(
        Func<Session, Guid, DateTimeOffset, Decision> decide, Func<string> confirmation, CancellationToken ct, SessionForm? form = null)
    {
        var (memberId, now) = (User.MemberId(), clock.GetUtcNow());
        var outcome = await EventStreams.DecideAsync<Session>(
            store, Id, null, s => decide(s, memberId, now), Session.NotFound, ct, outbox);
        return await AfterAsync(outcome.Problem, outcome.Problem is null ? confirmation() : null, form, ct);
    }

    private async Task<IActionResult> AfterAsync(Problem? problem, string? confirmation, SessionForm? form, CancellationToken ct)
    {
        if (problem is null)
        {
            if (confirmation is not null) this.Confirm(confirmation);
            return Redirect($"/bijeenkomsten/{Id}#plekken");
        }
        if (form is not null) form.AddTo(ModelState, problem);
        else ModelState.AddProblem(problem);
        var shown = await ShowAsync(ct);
        Response.StatusCode = problem.Status;
        return shown;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var view = await GetSessionEndpoints.ReadAsync(Id, User.MemberId(), session, ct);
        if (view is null) return NotFound();
        View = view;
        if (view.ProviderLed && view.Me.Status == SignUpEndpoints.None && !IsHost)
            MayJoinProviderSessions = (await Membership.Tiers.LoadAsync(session, User.MemberId(), clock.GetUtcNow(), tiers, ct))?.Includes(Membership.Entitlements.ProviderSessions) == true;
        if (SeesParticipants)
        {
            var seated = (await session.LoadAsync<Session>(Id, ct))!.Participants;
            var names = await Members.MemberProfile.NamesAsync(session, seated, ct);
            Participants = seated.Select(m => Questions.Person.Of(m, names)).ToList();
        }
        if (view.CoalitionId is { } coalitionId
            && await session.LoadAsync<Coalitions.CoalitionDetails>(coalitionId, ct) is { } coalition
            && await session.LoadAsync<Questions.QuestionBoardItem>(coalition.QuestionId, ct) is { } question)
            Question = (question.Id, question.Title);
        return Page();
    }
}
