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

    /// <summary>Kennisbank products that match the question, shown beside a refused form (the script shows them while typing).</summary>
    public IReadOnlyList<Kennisbank.ProductCard> Material { get; private set; } = [];

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
            async () =>
            {
                await using var session = store.QuerySession();
                Material = await Kennisbank.SearchProducts.ForDraftAsync(session, $"{Title} {Context}", member: true, ct);
                return Page();
            },
                "Je vraag staat erop — nodig collega's uit om door te vragen.");
    }
}
