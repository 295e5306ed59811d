using HetInitiatief.Members;
using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine.Runtime;

namespace HetInitiatief.DeadLetters;

/// <summary>The admin's view of what got stuck: each message, why, and a button to send it again.</summary>
[Authorize(Policy = RolePolicies.Admin)]
public sealed class DeadLettersPageModel(IWolverineRuntime runtime) : PageModel
{
    [BindProperty] public Guid Id { get; set; }

    public DeadLetterList List { get; private set; } = new(0, []);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public Task<IActionResult> OnPostReplayAsync(CancellationToken ct) => ReplayAsync(Id, ct);

    public Task<IActionResult> OnPostReplayAllAsync(CancellationToken ct) => ReplayAsync(null, ct);

    private async Task<IActionResult> ReplayAsync(Guid? id, CancellationToken ct)
    {
        var outcome = await DeadLetterQueue.ReplayAsync(runtime, id, ct);
        return await this.RedirectOrShowAsync(outcome.Problem, () => RedirectToPage(),
            () => ShowAsync(ct),
            outcome.Value?.Count switch
            {
                null => null,
                0 => "Er stond geen bericht klaar om opnieuw te versturen.",
                1 => "Het bericht gaat opnieuw de wachtrij in. Lukt het nu, dan verdwijnt het binnen een minuut van deze lijst.",
                var n => $"{n} berichten gaan opnieuw de wachtrij in. Wat nu lukt, verdwijnt binnen een minuut van deze lijst.",
            });
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        List = await DeadLetterQueue.ListAsync(runtime, ct);
        return Page();
    }
}
