using HetInitiatief.Coalitions;
using HetInitiatief.Members;
using Microsoft.AspNetCore.Mvc;

namespace HetInitiatief.Questions;

/// <summary>The question page's part for school leaders: backing the question, or its coalition, of their own school's members.</summary>
public sealed partial class QuestionPageModel
{
    [BindProperty] public bool Endorse { get; set; }

    /// <summary>The viewer leads the school of the question's owner.</summary>
    public bool MayEndorseQuestion { get; private set; }

    /// <summary>The viewer leads the school of a member of the coalition.</summary>
    public bool MayEndorseCoalition { get; private set; }

    public bool EndorsesQuestion => View.Endorsements?.Any(e => e.Leader.Id == User.MemberId()) == true;

    public bool EndorsesCoalition => Coalition?.Endorsements?.Any(e => e.Leader.Id == User.MemberId()) == true;

    public Task<IActionResult> OnPostEndorseAsync(CancellationToken ct) =>
        RunAsync(now => EndorseQuestionEndpoints.EndorseAsync(Id, User.MemberId(), Endorse, store, now, ct),
            "", Endorse ? "Je steun is vastgelegd." : "Je steun is ingetrokken.", ct);

    public async Task<IActionResult> OnPostEndorseCoalitionAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var coalition = await GetCoalitionEndpoint.ReadAsync(Id, session, clock.GetUtcNow(), ct);
        return await RunAsync(now => EndorseCoalitionEndpoints.EndorseAsync(coalition?.Id ?? Guid.Empty, User.MemberId(), Endorse, store, now, ct), "coalitie",
            Endorse ? "Je steun voor de coalitie is vastgelegd." : "Je steun voor de coalitie is ingetrokken.", ct);
    }

    private async Task LoadEndorsingAsync(IQuerySession session, MemberProfile? viewer, CancellationToken ct)
    {
        if (viewer?.Has(MemberRoles.SchoolLeader) != true || View.AsOf is not null) return;
        var memberIds = new[] { View.Owner.Id }.Concat(Coalition?.Network.SelectMany(g => g.Members).Select(m => m.Member.Id) ?? []).Distinct().ToArray();
        var members = await session.LoadManyAsync<MemberProfile>(ct, memberIds);
        MayEndorseQuestion = View.Status == QuestionStatus.Open && members.Any(m => m.Id == View.Owner.Id && m.SameSchool(viewer));
        MayEndorseCoalition = Coalition is { Status: CoalitionStatus.Open } coalition && members.Any(m => coalition.Includes(m.Id) && m.SameSchool(viewer));
    }
}
