using HetInitiatief.Members;
using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Kennisbank;

/// <summary>
/// Publishing a product (<c>/kennisbank/nieuw</c>, maybe for a question or coalition) and writing a new version of it
/// (<c>/kennisbank/{id}/bewerken</c>): one form, posting to the same use cases as the API.
/// </summary>
public sealed class ProductFormPageModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    public const string EditRoute = "kennisbank/{id:guid}/bewerken";

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "vraag")] public Guid? QuestionId { get; set; }
    [BindProperty(SupportsGet = true, Name = "coalitie")] public Guid? CoalitionId { get; set; }

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public List<string> Themes { get; set; } = [];
    [BindProperty] public string? Sector { get; set; }
    [BindProperty] public string? Visibility { get; set; }
    [BindProperty] public long? ExpectedVersion { get; set; }

    /// <summary>The question it grows from, to name above the form.</summary>
    public string? QuestionTitle { get; private set; }

    /// <summary>After a refused revision: the version a co-author saved meanwhile, shown beside what this author
    /// typed.</summary>
    public ProductDetails? Newer { get; private set; }

    public bool IsRevision => Id is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        if (Id is { } id)
        {
            var product = await session.LoadAsync<ProductDetails>(id, ct);
            if (product is null) return NotFound();
            if (!product.Authors.Contains(User.MemberId()))
            {
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Partial("/Shared/_Refusal.cshtml",
                    "Alleen de auteurs van dit product kunnen een nieuwe versie schrijven.");
            }
            (Kind, Title, Body, Themes, Sector, Visibility, ExpectedVersion) =
                (product.Kind, product.Title, product.Body, [.. product.Themes], product.Sector, product.Visibility,
                    product.Version);
            return Page();
        }
        Visibility = ProductRules.Members;
        Sector = (await session.LoadAsync<MemberProfile>(User.MemberId(), ct))?.Sector;
        var question = QuestionId is { } questionId
            ? await session.LoadAsync<Questions.QuestionDetails>(questionId, ct)
            : null;
        if (question is not null)
        {
            (QuestionTitle, Themes, Sector) = (question.Title, [.. question.Themes], question.Sector);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (Id is { } id)
        {
            var revised = await ReviseProductEndpoint.ReviseAsync(id,
                new ReviseProduct(Kind, Title, Body, Themes, Sector, Visibility, ExpectedVersion), User.MemberId(),
                    store, now, ct);
            return await this.RedirectOrShowAsync(revised.Problem, () => Redirect($"/kennisbank/{id}#versies"),
                () => ShowRefusedRevisionAsync(id, revised.Problem!, ct), "Je nieuwe versie is bewaard.");
        }
        var published = await PublishProductEndpoint.PublishAsync(
            new PublishProduct(Kind, Title, Body, Themes, Sector, Visibility, QuestionId, CoalitionId),
                User.MemberId(), store, now, ct);
        return await this.RedirectOrShowAsync(published.Problem, () =>
            Redirect($"/kennisbank/{published.Value!.ProductId}#bijlagen"),
            () => Task.FromResult<IActionResult>(Page()),
                "Je product staat in de kennisbank. Voeg er bestanden aan toe als je wilt.");
    }

    /// <summary>
    /// What the author typed stays in the form. When a co-author saved a version meanwhile, it is shown beside the
    /// form, and sending again is based on it: the author decided, having seen it, to replace it.
    /// </summary>
    private async Task<IActionResult> ShowRefusedRevisionAsync(Guid id, Problem refusal, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var product = await session.LoadAsync<ProductDetails>(id, ct);
        if (product is null) return NotFound();
        if (refusal.Status == StatusCodes.Status409Conflict)
        {
            Newer = product;
            ExpectedVersion = product.Version;
            // The form sends the newer version next time, so the stale one is no longer a field's error; it is said
            // at the top instead.
            ModelState.Remove(nameof(ExpectedVersion));
            ModelState.AddModelError(string.Empty, refusal.Detail);
        }
        return Page();
    }
}
