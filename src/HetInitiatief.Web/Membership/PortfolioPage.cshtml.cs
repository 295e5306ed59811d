using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Membership;

public sealed class PortfolioPageModel(IQuerySession session, TierSettings tiers, TimeProvider clock) : PageModel
{
    public MembershipStatus? Status { get; private set; }

    /// <summary>Null when the member's tier does not include the portfolio.</summary>
    public Portfolio? Portfolio { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Status = await Tiers.LoadAsync(session, User.MemberId(), now, tiers, ct);
        if (Status?.Includes(Entitlements.Portfolio) == true)
            Portfolio = (await PortfolioEndpoints.ReadAsync(User.MemberId(), session, tiers, now, ct)).Value;
    }
}
