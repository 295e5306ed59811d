using HetInitiatief.Mail;
using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Invites;

public sealed class InvitePageModel(IDocumentStore store, Mailer mailer, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Note { get; set; }

    /// <summary>The invite just made, shown at the top: the mail went out, or here is the link to share.</summary>
    public InviteView? Made { get; private set; }

    public MyInvites Invites { get; private set; } = new([], 0, SendInviteEndpoint.MaxPerDay);

    /// <summary>The newest reusable link: "my link" to share anywhere.</summary>
    public InviteView? MyLink => Invites.Invites.FirstOrDefault(i => !i.SingleUse);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await SendInviteEndpoint.SendAsync(new SendInvite(Email, Note), User.MemberId(), BaseUrl, store, mailer, clock.GetUtcNow(), ct);
        if (outcome.Problem is { } problem)
        {
            ModelState.AddProblem(problem);
            Response.StatusCode = problem.Status;
        }
        else
        {
            Made = outcome.Value;
            (Email, Note) = (null, null);
            ModelState.Clear();
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Links to share come from the platform's own address, never from the request's Host header.</summary>
    private string BaseUrl => mailer.SiteUrl;

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        Invites = await MyInvitesEndpoint.ListAsync(User.MemberId(), BaseUrl, session, clock.GetUtcNow(), ct);
    }
}
