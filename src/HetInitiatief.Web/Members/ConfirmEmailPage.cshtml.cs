using System.Text.RegularExpressions;
using HetInitiatief.Mail;
using HetInitiatief.Network;
using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Members;

/// <summary>
/// Where the link in the confirmation mail leads. Opening it only shows a button: mail scanners open every link in a
/// message, and a confirmation on GET would be theirs, not the member's (GOV.UK and Discourse do the same).
/// Without a token it tells a signed-in member where they stand and resends the mail.
/// </summary>
[AllowAnonymous]
[AllowUnconfirmed]
public sealed partial class ConfirmEmailPageModel(
    IDocumentStore store, Mailer mailer, PlatformAdmins admins, NetworkSettings settings, IHostEnvironment environment, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    /// <summary>Where the member was going when they registered (a shared question); offered once they are done here.</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public MemberProfile? Me { get; private set; }

    /// <summary>The confirmation mail as the outbox folder holds it: only in Development without a mail server.</summary>
    public (string Text, string? Link)? DevelopmentMail { get; private set; }

    /// <summary>
    /// Someone trying the platform on their own machine has no mail server: the page links to the mail in the outbox
    /// folder, so they are not stuck. Never in production, where the mail is the proof.
    /// </summary>
    public bool OffersDevelopmentMail => environment.IsDevelopment() && !mailer.SmtpConfigured && Me is { EmailConfirmedAt: null };

    public string DevelopmentDirectory => mailer.OutboxDirectory;

    public string OnwardUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/werkplek";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await EmailConfirmation.ConfirmAsync(Token, store, admins, settings, clock.GetUtcNow(), ct);
        var seat = outcome.Value?.EarlyBirdSeat is { } number ? $" Welkom, early bird #{number}!" : "";
        var signedIn = User.IsSignedIn();
        return await this.RedirectOrShowAsync(outcome.Problem,
            () => signedIn ? LocalRedirect(OnwardUrl) : Redirect("/inloggen"), () => ShowAsync(ct),
            signedIn
                ? $"Je e-mailadres is bevestigd.{seat} Je kunt nu leervragen stellen, doorvragen en meedoen."
                : $"Je e-mailadres is bevestigd.{seat} Log in om verder te gaan.");
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken ct)
    {
        if (!User.IsSignedIn()) return Challenge();
        var refusal = await EmailConfirmation.SendAsync(User.MemberId(), store, mailer, clock.GetUtcNow(), ct);
        return await this.RedirectOrShowAsync(refusal,
            () => LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? $"{EmailConfirmation.PagePath}?ReturnUrl={Uri.EscapeDataString(ReturnUrl!)}" : EmailConfirmation.PagePath),
            () => ShowAsync(ct), "We hebben je een nieuwe bevestigingsmail gestuurd. Eerdere links blijven ook werken.");
    }

    public async Task<IActionResult> OnGetMailAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!OffersDevelopmentMail) return NotFound();
        DevelopmentMail = await ReadMailAsync(Me!.Email, ct);
        return Page();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!User.IsSignedIn()) return;
        await using var session = store.QuerySession();
        Me = await session.LoadAsync<MemberProfile>(User.MemberId(), ct);
    }

    private async Task<(string Text, string? Link)?> ReadMailAsync(string address, CancellationToken ct)
    {
        if (!Directory.Exists(mailer.OutboxDirectory)) return null;
        // Newest first: the file names start with the moment they were written.
        foreach (var file in Directory.GetFiles(mailer.OutboxDirectory, "*.eml").OrderByDescending(Path.GetFileName, StringComparer.Ordinal))
        {
            var text = await System.IO.File.ReadAllTextAsync(file, ct);
            if (!text.Contains($"To: {address}\r\n", StringComparison.OrdinalIgnoreCase) || !text.Contains(EmailConfirmation.Subject)) continue;
            var link = ConfirmationLink().Match(text.Replace("=\r\n", "").Replace("=3D", "="));
            return (text, link.Success ? link.Value : null);
        }
        return null;
    }

    [GeneratedRegex(@"https?://\S+/e-mailadres-bevestigen\?token=[0-9a-f]{64}")]
    private static partial Regex ConfirmationLink();
}
