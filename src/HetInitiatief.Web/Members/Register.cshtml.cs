using HetInitiatief.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Members;

[AllowAnonymous]
[AllowUnconfirmed]
public sealed class RegisterModel(IDocumentStore store, IPasswordHasher<MemberLogin> hasher, Mail.Mailer mailer, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? School { get; set; }
    [BindProperty] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true, Name = "uitnodiging")] public string? Invite { get; set; }

    /// <summary>Where the visitor came from (a shared question): they land there again once they are a member.</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public Invites.Invitation? Invitation { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        Invitation = await Invites.AcceptInvite.InvitationAsync(Invite, session, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await RegisterMemberEndpoint.RegisterAsync(new RegisterMember(Name, Email, Password, School, Sector, Invite), store, hasher, mailer, clock.GetUtcNow(), ct,
            Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null);
        if (outcome.Value is { } member) await HttpContext.SignInAsync(Authentication.Cookie,
            Authentication.Principal(member, Authentication.Cookie));
        // Next: the mail. The page says so and, once confirmed, leads on to where the visitor came from.
        return await this.RedirectOrShowAsync(outcome.Problem, () => LocalRedirect(Url.IsLocalUrl(ReturnUrl)
                ? $"{EmailConfirmation.PagePath}?ReturnUrl={Uri.EscapeDataString(ReturnUrl)}"
                : EmailConfirmation.PagePath),
            async () =>
            {
                await OnGetAsync(ct);
                return Page();
            },
            $"Welkom bij Het Initiatief, {outcome.Value?.Name}! Je account is aangemaakt.");
    }
}
