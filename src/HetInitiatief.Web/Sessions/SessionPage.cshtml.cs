using HetInitiatief.Infrastructure;
using HetInitiatief.Shared;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Sessions;

public sealed class SessionPageModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public SessionView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostSignUpAsync(CancellationToken ct)
    {
        var outcome = await SignUpEndpoints.SignUpAsync(Id, User.MemberId(), store, clock.GetUtcNow(), ct);
        return await AfterAsync(outcome.Problem, ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        var memberId = User.MemberId();
        var now = clock.GetUtcNow();
        var outcome = await EventStreams.DecideAsync<Session>(store, Id, null, s => SignUpEndpoints.DecideCancel(s, memberId, now), Session.NotFound, ct);
        return await AfterAsync(outcome.Problem, ct);
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
        var view = await GetSessionEndpoints.LoadAsync(Id, User.MemberId(), session, ct);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }
}
