using HetInitiatief.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Membership;

/// <summary>The admin's list of paid memberships, and the form to record one for a member (by e-mail) or a school.</summary>
public sealed class MembershipsPageModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? School { get; set; }
    [BindProperty] public DateOnly? From { get; set; }
    [BindProperty] public DateOnly? Until { get; set; }

    public IReadOnlyList<MembershipView> Memberships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = Tiers.Today(clock.GetUtcNow());
        (From, Until) = (today, new DateOnly(today.Month >= 8 ? today.Year + 1 : today.Year, 7, 31));
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        var command = new RecordPaidMembership(null, Email, string.IsNullOrWhiteSpace(School) ? null : School, From, Until);
        var outcome = await RecordPaidMembershipEndpoint.RecordAsync(command, User.MemberId(), store, clock.GetUtcNow(), ct);
        return await AfterAsync(outcome.Problem, "Het betaalde lidmaatschap is vastgelegd.", ct);
    }

    public async Task<IActionResult> OnPostEndAsync(Guid membershipId, CancellationToken ct)
    {
        var outcome = await EndPaidMembershipEndpoint.EndAsync(membershipId, new EndPaidMembership(null), User.MemberId(), store, clock.GetUtcNow(), ct);
        return await AfterAsync(outcome.Problem, "Het betaalde lidmaatschap is beëindigd.", ct);
    }

    private Task<IActionResult> AfterAsync(Problem? problem, string confirmation, CancellationToken ct) =>
        this.RedirectOrShowAsync(problem, () => Redirect("/beheer/lidmaatschappen"), () => ShowAsync(ct), confirmation);

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var outcome = await ListMembershipsEndpoint.ListAsync(User.MemberId(), session, clock.GetUtcNow(), ct);
        if (outcome.Problem is { Status: 403 }) return Forbid();
        if (outcome.Problem is not null) return Challenge();
        Memberships = outcome.Value!;
        return Page();
    }
}
