using HetInitiatief.Infrastructure;
using HetInitiatief.Moderation;
using Microsoft.AspNetCore.Mvc;

namespace HetInitiatief.Questions;

/// <summary>The question page's moderation: any member flags a contribution; moderators merge a duplicate.</summary>
public sealed partial class QuestionPageModel
{
    [BindProperty] public string? FlagType { get; set; }
    [BindProperty] public Guid? FlagId { get; set; }
    [BindProperty] public Guid? FlagCommentBy { get; set; }
    [BindProperty] public string? FlagReason { get; set; }
    [BindProperty] public Guid? MergeInto { get; set; }
    [BindProperty] public string? MergeReason { get; set; }

    public bool IsModerator { get; private set; }

    public ModerationNotice? NoticeFor(string type, Guid id, Guid? commentBy = null) =>
        View.Moderation?.FirstOrDefault(n => n.ContentType == type && n.ContentId == id && n.CommentBy == commentBy);

    public FlagForm Flag(string type, Guid id, Guid? commentBy = null) => new(type, id, commentBy, $"{(type is ContentTypes.Proposal or ContentTypes.Story ? "dit" : "deze")} {ContentTypes.Names[type]}");

    public Task<IActionResult> OnPostFlagAsync([FromServices] Microsoft.Extensions.Options.IOptions<ModerationOptions> settings, CancellationToken ct) =>
        RunAsync(now => FlagEndpoint.FlagAsync(new FlagContent(FlagType, FlagId, FlagCommentBy, FlagReason), User.MemberId(), store, settings.Value.FlagsToHide, now, ct),
            "", "Bedankt voor je melding. De moderatoren kijken ernaar.", ct);

    public Task<IActionResult> OnPostMergeAsync(CancellationToken ct) =>
        RunAsync(now => MergeQuestionEndpoint.MergeAsync(Id, new MergeQuestion(MergeInto, MergeReason), User, store, now, ct),
            "", "De vragen zijn samengevoegd.", ct);

}
