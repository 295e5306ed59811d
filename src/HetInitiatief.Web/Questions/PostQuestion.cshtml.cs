using HetInitiatief.Infrastructure;
using HetInitiatief.Members;
using HetInitiatief.Shared;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Questions;

public sealed class PostQuestionModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Context { get; set; }
    [BindProperty] public string? WhyMine { get; set; }
    [BindProperty] public string? AlreadyKnown { get; set; }
    [BindProperty] public List<string> Themes { get; set; } = [];
    [BindProperty] public string? Sector { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        Sector = (await session.LoadAsync<MemberProfile>(User.MemberId(), ct))?.Sector;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var command = new PostQuestion(Title, Context, WhyMine, AlreadyKnown, Themes, Sector);
        var outcome = await PostQuestionEndpoint.PostAsync(command, User.MemberId(), store, clock.GetUtcNow(), ct);
        if (outcome.Problem is { } problem)
        {
            ModelState.AddProblem(problem);
            Response.StatusCode = problem.Status;
            return Page();
        }
        return Redirect($"/vragen/{outcome.Value!.QuestionId}");
    }
}
