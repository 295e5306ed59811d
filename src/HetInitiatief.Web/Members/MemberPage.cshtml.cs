using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HetInitiatief.Members;

public sealed class MemberPageModel(IQuerySession session) : PageModel
{
    public MemberView Member { get; private set; } = null!;

    public bool IsMe => Member.Id == User.MemberId();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await MemberPageEndpoint.ReadAsync(id, User.MemberId(), session, ct) is not { } member) return NotFound();
        Member = member;
        return Page();
    }
}
