using HetInitiatief.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Mail;

public sealed class OutboxPageModel(IQuerySession session, Mailer mailer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;

    public OutboxPage? Outbox { get; private set; }

    public Problem? Refused { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Refused = await AdminOnly.CheckAsync(User.MemberId(), session, ct);
        if (Refused is { } refused)
        {
            Response.StatusCode = refused.Status;
            return;
        }
        Outbox = await OutboxEndpoint.ReadAsync(mailer, PageNumber, ct);
    }
}
