using HetInitiatief.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Members;

[AllowAnonymous]
[AllowUnconfirmed]
public sealed class SignInModel(IDocumentStore store, IPasswordHasher<MemberLogin> hasher, SessionStamps stamps, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await SignInEndpoints.VerifyAsync(new SignIn(Email, Password), store, hasher, clock.GetUtcNow(), ct);
        if (outcome.Value is { } member) await HttpContext.SignInAsync(Authentication.Cookie,
            await stamps.PrincipalAsync(member, Authentication.Cookie, ct));
        Password = null;
        return await this.RedirectOrShowAsync(outcome.Problem,
            () => LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/werkplek"),
            () => Task.FromResult<IActionResult>(Page()));
    }
}

[AllowAnonymous]
[AllowUnconfirmed]
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(Authentication.Cookie);
        return LocalRedirect("/");
    }
}
