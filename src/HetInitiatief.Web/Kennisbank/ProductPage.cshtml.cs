using HetInitiatief.Members;
using Microsoft.AspNetCore.Authentication;
using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Kennisbank;

/// <summary>
/// One product: its text, its versions, its authors and files, and "Ik heb dit gebruikt". A public product is open to
/// visitors; every form needs a member, and each runs the same use case as the API.
/// </summary>
[AllowAnonymous]
public sealed class ProductPageModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty(Name = "File")] public IFormFile? Upload { get; set; }
    [BindProperty] public string? FlagReason { get; set; }

    public ProductView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct) ?? Page();

    /// <summary>Reading may be open to visitors; every form on the page is for members only.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context,
        PageHandlerExecutionDelegate next)
    {
        if (!HttpMethods.IsGet(Request.Method) && !User.IsSignedIn())
        {
            context.Result = SignInFirst();
            return;
        }
        await next();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        // The page invites by address, which is what a teacher knows of a colleague; the API takes the member's id.
        Guid? invitee = null;
        if (!string.IsNullOrWhiteSpace(Email))
        {
            await using var session = store.QuerySession();
            invitee = (await session.LoadAsync<MemberLogin>(MemberLogin.Normalise(Email), ct))?.MemberId;
        }
        var refusal = invitee is null
            ? Problem.Invalid("email",
                "Er is geen lid met dit e-mailadres. Nodig je collega eerst uit voor Het Initiatief.")
            : null;
        return await RunAsync(async now => refusal ?? (await CoAuthorEndpoints.InviteAsync(Id,
            new InviteCoAuthor(invitee), User.MemberId(), store, now, ct)).Problem,
            "auteurs", "De uitnodiging is verstuurd. Je collega is co-auteur zodra die hem aanneemt.", ct);
    }

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) =>
        RunAsync(async now => (await CoAuthorEndpoints.AnswerAsync(
                Id, new AnswerCoAuthorship(true), User.MemberId(), store, now, ct)).Problem,
            "auteurs", "Je bent nu co-auteur van dit product.", ct);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken ct) =>
        RunAsync(async now => (await CoAuthorEndpoints.AnswerAsync(
                Id, new AnswerCoAuthorship(false), User.MemberId(), store, now, ct)).Problem,
            "auteurs", "Je hebt de uitnodiging afgeslagen.", ct);

    public Task<IActionResult> OnPostAttachAsync(CancellationToken ct) =>
        RunAsync(async now => (await AttachFileEndpoint.AttachAsync(
                Id, Upload, User.MemberId(), store, now, ct)).Problem,
            "bijlagen", "Het bestand is toegevoegd.", ct);

    public Task<IActionResult> OnPostUseAsync(CancellationToken ct) =>
        RunAsync(async now => (await UseProductEndpoint.UseAsync(
                Id, new UseProduct(Note), User.MemberId(), store, now, ct)).Problem,
            "gebruikt", "Dank je! Je staat erbij als collega die dit gebruikte.", ct);

    public Task<IActionResult> OnPostFlagAsync(
        [FromServices] Microsoft.Extensions.Options.IOptions<Moderation.ModerationOptions> settings,
            CancellationToken ct) =>
        RunAsync(async now => (await Moderation.FlagEndpoint.FlagAsync(
                new Moderation.FlagContent(Moderation.ContentTypes.Product, Id, null, FlagReason), User.MemberId(),
                    store,
                settings.Value.FlagsToHide, now, ct)).Problem,
            "", "Bedankt voor je melding. De moderatoren kijken ernaar.", ct);

    private async Task<IActionResult> RunAsync(Func<DateTimeOffset, Task<Problem?>> command, string anchor,
        string confirmation, CancellationToken ct)
    {
        var refusal = await command(clock.GetUtcNow());
        return await this.RedirectOrShowAsync(refusal, () =>
            Redirect($"/kennisbank/{Id}" + (anchor.Length > 0 ? "#" + anchor : "")),
            async () => await ShowAsync(ct) ?? Page(), confirmation);
    }

    /// <summary>After signing in they come back to the product, not to a form's handler URL.</summary>
    private IActionResult SignInFirst() =>
        Challenge(new AuthenticationProperties { RedirectUri = $"/kennisbank/{Id}" });

    private async Task<IActionResult?> ShowAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var outcome = await GetProductEndpoint.ReadAsync(session, Id, User.MemberId(), ct);
        if (outcome.Problem is { Status: StatusCodes.Status401Unauthorized })
            return SignInFirst();
        if (outcome.Problem is not null) return NotFound();
        View = outcome.Value!;
        return null;
    }
}
