using HetInitiatief.Mail;
using HetInitiatief.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Members;

[AllowAnonymous]
[AllowUnconfirmed]
public sealed class ForgotPasswordModel(IDocumentStore store, Mailer mailer, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        await PasswordResetEndpoints.RequestAsync(Email, store, mailer, clock.GetUtcNow(), ct);
        Sent = true;
    }
}

[AllowAnonymous]
[AllowUnconfirmed]
public sealed class ResetPasswordPageModel(IDocumentStore store, IPasswordHasher<MemberLogin> hasher, SessionStamps stamps, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var refusal = await PasswordResetEndpoints.ConfirmAsync(new ResetPassword(Token, Password), store, hasher,
            stamps, clock.GetUtcNow(), ct);
        return await this.RedirectOrShowAsync(refusal, () => Redirect("/inloggen"),
            () => Task.FromResult<IActionResult>(Page()),
            "Je nieuwe wachtwoord is bewaard. Log ermee in.");
    }
}
