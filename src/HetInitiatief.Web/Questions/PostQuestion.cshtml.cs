using HetInitiatief.Members;
using HetInitiatief.Shared;
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

    /// <summary>One-time token of this form; see <see cref="PostQuestionEndpoint.PostAsync"/>.</summary>
    [BindProperty] public Guid? SubmissionId { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SubmissionId = Guid.CreateVersion7();
        await using var session = store.QuerySession();
        Sector = (await session.LoadAsync<MemberProfile>(User.MemberId(), ct))?.Sector;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var command = new PostQuestion(Title, Context, WhyMine, AlreadyKnown, Themes, Sector);
        if (SubmissionId is null || SubmissionId == Guid.Empty) SubmissionId = Guid.CreateVersion7();
        var outcome = await PostQuestionEndpoint.PostAsync(command, User.MemberId(), store, clock.GetUtcNow(), ct, SubmissionId);
        return await this.RedirectOrShowAsync(outcome.Problem, () => Redirect($"/vragen/{outcome.Value!.QuestionId}"),
            () => Task.FromResult<IActionResult>(Page()),
                "Je vraag staat erop — nodig collega's uit om door te vragen.");
    }
}
