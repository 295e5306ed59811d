using HetInitiatief.Moderation;
using Microsoft.AspNetCore.Mvc;

namespace HetInitiatief.Questions;

/// <summary>
/// The question page's moderation: any member flags a contribution; moderators propose to merge a duplicate (or merge
/// it alone for abuse), and the owners of both questions decide.
/// </summary>
public sealed partial class QuestionPageModel
{
    [BindProperty] public string? FlagType { get; set; }
    [BindProperty] public Guid? FlagId { get; set; }
    [BindProperty] public Guid? FlagCommentBy { get; set; }
    [BindProperty] public string? FlagReason { get; set; }
    [BindProperty] public Guid? MergeInto { get; set; }
    [BindProperty] public string? MergeReason { get; set; }
    [BindProperty] public bool MergeAbuse { get; set; }

    /// <summary>
    /// A merge is proposed and the signed-in member owns this question or the one it would merge into: the rule the
    /// agree and decline decisions use (<see cref="MergeProposalEndpoints.MustBeAnOwner"/>).
    /// </summary>
    public bool DecidesOnMerge { get; private set; }

    public bool AgreedToMerge => View.MergeProposal?.AgreedBy.Contains(User.MemberId()) == true;

    /// <summary>For the owner: other questions a moderator proposes to merge into this one; they decide there.</summary>
    public IReadOnlyList<LinkedQuestion> MergesProposedHere { get; private set; } = [];

    public bool IsModerator { get; private set; }

    public ModerationNotice? NoticeFor(string type, Guid id, Guid? commentBy = null) =>
        View.Moderation?.FirstOrDefault(n => n.ContentType == type && n.ContentId == id && n.CommentBy == commentBy);

    public FlagForm Flag(string type, Guid id, Guid? commentBy = null) => new(type, id, commentBy, $"{(type is ContentTypes.Proposal or ContentTypes.Story ? "dit" : "deze")} {ContentTypes.Names[type]}");

    public Task<IActionResult> OnPostFlagAsync([FromServices] Microsoft.Extensions.Options.IOptions<ModerationOptions> settings, CancellationToken ct) =>
        RunAsync(now => FlagEndpoint.FlagAsync(new FlagContent(FlagType, FlagId, FlagCommentBy, FlagReason), User.MemberId(), store, settings.Value.FlagsToHide, now, ct),
            "", "Bedankt voor je melding. De moderatoren kijken ernaar.", ct);

    public Task<IActionResult> OnPostMergeAsync(CancellationToken ct) =>
        MergeAbuse
            ? RunAsync(now => MergeQuestionEndpoint.MergeAsync(Id, new MergeQuestion(MergeInto, MergeReason, true), User,
                store, now, ct), "", "De vragen zijn samengevoegd.", ct)
            : RunAsync(now => MergeProposalEndpoints.ProposeAsync(Id, new ProposeMerge(MergeInto, MergeReason), User,
                store, now, ct), "samenvoegen", "Je voorstel staat klaar. De eigenaren van beide vragen beslissen.", ct);

    public Task<IActionResult> OnPostAgreeToMergeAsync(CancellationToken ct) =>
        RunAsync(now => MergeProposalEndpoints.AgreeAsync(Id, User.MemberId(), store, now, ct), "samenvoegen",
            "Je stemt in met samenvoegen.", ct);

    public Task<IActionResult> OnPostDeclineMergeAsync(CancellationToken ct) =>
        RunAsync(now => MergeProposalEndpoints.DeclineAsync(Id, User.MemberId(), store, now, ct), "",
            "De vragen blijven apart.", ct);

}
