using HetInitiatief.Infrastructure;
using HetInitiatief.Members;
using HetInitiatief.Shared;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine.Runtime;

namespace HetInitiatief.DeadLetters;

/// <summary>The admin's view of what got stuck: each message, why, and a button to send it again.</summary>
public sealed class DeadLettersPageModel(IDocumentStore store, IWolverineRuntime runtime) : PageModel
{
    [BindProperty] public Guid Id { get; set; }

    public DeadLetterList List { get; private set; } = new(0, []);

    /// <summary>Why this page is not for the viewer, shown instead of it.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct) ?? Page();

    public Task<IActionResult> OnPostReplayAsync(CancellationToken ct) => ReplayAsync(Id, ct);

    public Task<IActionResult> OnPostReplayAllAsync(CancellationToken ct) => ReplayAsync(null, ct);

    private async Task<IActionResult> ReplayAsync(Guid? id, CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        var outcome = await DeadLetterQueue.ReplayAsync(runtime, id, ct);
        return await this.RedirectOrShowAsync(outcome.Problem, () => RedirectToPage(),
            async () => await ShowAsync(ct) ?? Page(),
            outcome.Value?.Count switch
            {
                null => null,
                0 => "Er stond geen bericht klaar om opnieuw te versturen.",
                1 => "Het bericht gaat opnieuw de wachtrij in. Lukt het nu, dan verdwijnt het binnen een minuut van deze lijst.",
                var n => $"{n} berichten gaan opnieuw de wachtrij in. Wat nu lukt, verdwijnt binnen een minuut van deze lijst.",
            });
    }

    private async Task<IActionResult?> ShowAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        List = await DeadLetterQueue.ListAsync(runtime, ct);
        return null;
    }

    private async Task<IActionResult?> RefuseAsync(CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var admin = await AdminAccess.RequireAsync(query, User, MemberRoles.Admin, AdminAccess.AdminsOnly, ct);
        if (admin.Problem is not { } refused) return null;
        Refusal = refused.Detail;
        Response.StatusCode = refused.Status;
        return Page();
    }
}
