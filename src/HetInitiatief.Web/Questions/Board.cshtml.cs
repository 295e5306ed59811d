using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Questions;

/// <summary>
/// The home page for visitors (a welcome) and the question board for members at /vragen. A member who opens "/" starts on
/// their werkplek; "/" with filters (an older link) shows the board at /vragen.
/// </summary>
[AllowAnonymous]
public sealed class BoardModel(IQuerySession session, HetInitiatief.Network.NetworkSettings settings, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    // Not "page": Razor Pages reserves that route value for the page path itself.
    [BindProperty(SupportsGet = true, Name = "pagina")] public int? PageNumber { get; set; }

    public BoardPage? Board { get; private set; }

    public IReadOnlyList<SuccessStoryView> Successes { get; private set; } = [];

    public HetInitiatief.Network.NetworkView Network { get; private set; } = null!;

    /// <summary>The public story, for visitors who are not signed in.</summary>
    public HetInitiatief.Network.LandingView? Landing { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Successes = await AfterwardsEndpoints.LatestAsync(session, 3, ct);
        if (!User.IsSignedIn())
        {
            Landing = await HetInitiatief.Network.LandingView.LoadAsync(session, settings, clock.GetUtcNow(), ct);
            Network = Landing.Network;
            return;
        }
        Network = await HetInitiatief.Network.NetworkEndpoints.ReadAsync(session, settings, clock.GetUtcNow(), ct);
        var outcome = await QuestionBoard.QueryAsync(Theme, Sector, Status, Q, PageNumber, session, ct, User.MemberId());
        if (outcome.Problem is { } problem)
        {
            ModelState.AddProblem(problem);
            Response.StatusCode = problem.Status;
            return;
        }
        Board = outcome.Value;
    }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (User.IsSignedIn() && Request.Path == "/")
            context.Result = LocalRedirect(Request.QueryString.HasValue ? BoardPath + Request.QueryString : "/werkplek");
    }

    public const string BoardPath = "/vragen";

    public string PageUrl(int page) =>
        BoardPath + QueryString.Create(new Dictionary<string, string?> { ["q"] = Q, ["theme"] = Theme, ["sector"] = Sector, ["status"] = Status, ["pagina"] = page.ToString() }
            .Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
