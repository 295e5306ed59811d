using HetInitiatief.Coalitions;
using HetInitiatief.Offers;
using Microsoft.AspNetCore.Mvc;

namespace HetInitiatief.Questions;

/// <summary>The offers section of the question page: propose, react, and decide together.</summary>
public sealed partial class QuestionPageModel
{
    [BindProperty] public Guid? ProposalId { get; set; }
    [BindProperty] public string? ProposalTitle { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? SessionType { get; set; } = "werkplaats";
    [BindProperty] public string? SessionFormat { get; set; } = "fysiek";
    [BindProperty] public string? ProposedDates { get; set; }
    [BindProperty] public string? Reaction { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? Note { get; set; }

    public IReadOnlyList<ProposalView> Proposals { get; private set; } = [];

    public Task<IActionResult> OnPostProposeAsync(CancellationToken ct) =>
        RunAsync(now => MakeProposalEndpoints.MakeAsync(Coalitions.Coalition.IdFor(Id), new MakeProposal(ProposalTitle, Outcome, SessionType, SessionFormat, ProposedDates), User.MemberId(), store, now, ct),
            "aanbod", "Je voorstel staat erbij. De groep kan erop reageren.", ct);

    public Task<IActionResult> OnPostReactAsync(CancellationToken ct) =>
        RunAsync(now => ReactAndDecideEndpoints.ReactAsync(ProposalId ?? Guid.Empty, new ReactToProposal(Reaction, Comment), User.MemberId(), store, now, ct),
            "aanbod", "Je reactie staat erbij.", ct);

    public Task<IActionResult> OnPostRequestChangesAsync(CancellationToken ct) =>
        RunAsync(now => ReactAndDecideEndpoints.RequestChangesAsync(ProposalId ?? Guid.Empty,
            new RequestChanges(Note), User.MemberId(), store, now, ct),
            "aanbod", "Je vraag om aanpassingen staat bij het voorstel.", ct);

    public Task<IActionResult> OnPostAcceptProposalAsync(CancellationToken ct) =>
        RunAsync(now => ReactAndDecideEndpoints.AcceptAsync(ProposalId ?? Guid.Empty, User.MemberId(), store, now, ct),
            "aanbod", "Het voorstel is aangenomen namens de groep. Plan nu de bijeenkomst.", ct);
}
