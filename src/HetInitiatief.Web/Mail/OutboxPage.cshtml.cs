using HetInitiatief.Shared;
using HetInitiatief.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace HetInitiatief.Mail;

/// <summary>The admin's view of the platform's mail; only admins reach it (<see cref="RolePolicies.Admin"/>).</summary>
[Authorize(Policy = RolePolicies.Admin)]
public sealed class OutboxPageModel(IDocumentStore store, OutboxedSessionFactory sessions, IWolverineRuntime runtime, Mailer mailer)
    : PageModel
{
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }

    [BindProperty] public Guid MailId { get; set; }

    public OutboxPage? Outbox { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostResendAsync(CancellationToken ct)
    {
        var outcome = await ResendMailEndpoint.ResendAsync(MailId, User.MemberId(), store, sessions, runtime,
            HttpContext.RequestServices.GetRequiredService<ILogger<OutboxPageModel>>(), ct);
        return await this.RedirectOrShowAsync(outcome.Problem, () => RedirectToPage(new { pagina = PageNumber, status = Status }),
            () => ShowAsync(ct), $"De e-mail aan {outcome.Value?.To} staat weer in de wachtrij.");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        if (OutboxEndpoint.CheckStatus(Status) is not null) Status = null;
        Outbox = await OutboxEndpoint.ReadAsync(session, mailer, PageNumber, Status, ct);
        return Page();
    }

    public static string Label(string status) => status switch
    {
        OutgoingMail.Queued => "in de wachtrij",
        OutgoingMail.Failing => "mislukt, wordt opnieuw geprobeerd",
        OutgoingMail.Dead => "definitief mislukt",
        _ => "verstuurd",
    };
}
