using HetInitiatief.Infrastructure;
using HetInitiatief.Shared;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine.Marten;

namespace HetInitiatief.Sessions;

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

    public IReadOnlyList<Questions.Person> ParticipantsForHost { get; private set; } = [];

    public bool IsHost => View.Host.Id == User.MemberId();

    /// <summary>False when the session is provider-led and the member's tier does not include it, so the page explains before they click.</summary>
    public bool MayJoinProviderSessions { get; private set; } = true;

    public Task<IActionResult> OnPostCallOffAsync(CancellationToken ct) =>
        DecideAsync((s, memberId, now) => HostActions.DecideCancel(s, memberId, now), ct);

    public Task<IActionResult> OnPostMoveAsync(CancellationToken ct) =>
        DecideAsync((s, memberId, now) => HostActions.DecideMove(s, new MoveSession(NewSessionModel.Local(Day, From), NewSessionModel.Local(Day, Until), null), memberId, now), ct);

    public Task<IActionResult> OnPostAttendanceAsync(CancellationToken ct) =>
        DecideAsync((s, memberId, now) => HostActions.DecideAttendance(s, new RecordAttendance(Attended), memberId, now), ct);

    public Task<IActionResult> OnPostFeedbackAsync(CancellationToken ct) =>
        DecideAsync((s, memberId, now) => GiveFeedbackEndpoint.Decide(s, new GiveFeedback(Rating, ChangeInPractice), memberId, now), ct);

    private async Task<IActionResult> DecideAsync(Func<Session, Guid, DateTimeOffset, Decision> decide, CancellationToken ct)
    {
        var (memberId, now) = (User.MemberId(), clock.GetUtcNow());
        var outcome = await EventStreams.DecideAsync<Session>(store, Id, null, s => decide(s, memberId, now), Session.NotFound, ct, outbox);
        return await AfterAsync(outcome.Problem, ct);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostSignUpAsync(CancellationToken ct)
    {
        var outcome = await SignUpEndpoints.SignUpAsync(Id, User.MemberId(), store, tiers, clock.GetUtcNow(), ct);
        return await AfterAsync(outcome.Problem, ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        return await DecideAsync((s, memberId, now) => SignUpEndpoints.DecideCancel(s, memberId, now), ct);
    }

    private async Task<IActionResult> AfterAsync(Problem? problem, CancellationToken ct)
    {
        if (problem is null) return Redirect($"/bijeenkomsten/{Id}#plekken");
        ModelState.AddProblem(problem);
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
        if (view.ProviderLed && view.Me.Status == SignUpEndpoints.None)
            MayJoinProviderSessions = (await Membership.Tiers.LoadAsync(session, User.MemberId(), clock.GetUtcNow(), tiers, ct))?.Includes(Membership.Entitlements.ProviderSessions) == true;
        if (IsHost)
        {
            var seated = (await session.LoadAsync<Session>(Id, ct))!.Participants;
            var names = await Members.MemberProfile.NamesAsync(session, seated, ct);
            ParticipantsForHost = seated.Select(m => Questions.Person.Of(m, names)).ToList();
        }
        return Page();
    }
}
