using HetInitiatief.Offers;
using HetInitiatief.Questions;

namespace HetInitiatief.Moderation;

/// <summary>What the moderation hid on a question page, as the viewer may see it.</summary>
public sealed record ModerationNotice(string ContentType, Guid ContentId, Guid? CommentBy, string Reason, bool Mine);

/// <summary>
/// Hidden contributions disappear for everyone except their author, who sees them with the moderator's
/// reason, and moderators, who need to see what they review.
/// </summary>
public static class HiddenContent
{
    public const string Placeholder = "[verborgen door de moderatie]";

    public static async Task<IReadOnlyList<Guid>> HiddenQuestionIdsAsync(IQuerySession session, CancellationToken ct) =>
        await session.Query<ContentModeration>().Where(m => m.Hidden && m.ContentType == ContentTypes.Question).Select(m => m.ContentId).ToListAsync(ct);

    /// <summary>Whether the moderation hid the question itself: then it tells, matches and invites no one.</summary>
    public static async Task<bool> IsQuestionHiddenAsync(IQuerySession session, Guid questionId, CancellationToken ct) =>
        await session.Query<ContentModeration>()
            .AnyAsync(m => m.ContentId == questionId && m.Hidden && m.ContentType == ContentTypes.Question, ct);

    public static async Task<IReadOnlyList<ContentModeration>> OnQuestionAsync(IQuerySession session, Guid questionId, CancellationToken ct) =>
        await session.Query<ContentModeration>().Where(m => m.QuestionId == questionId && m.Hidden).ToListAsync(ct);

    /// <summary>The question and its offers as this viewer may see them; the viewer's profile is read only when something is hidden.</summary>
    public static async Task<(QuestionView View, IReadOnlyList<ProposalView> Proposals)> ForViewerAsync(
        IQuerySession session, QuestionView view, IReadOnlyList<ProposalView> proposals, Guid viewerId, CancellationToken ct) =>
        await ForViewerAsync(session, view, proposals, viewerId, async () => Moderators.Are(await session.LoadAsync<Members.MemberProfile>(viewerId, ct)), ct);

    public static async Task<(QuestionView View, IReadOnlyList<ProposalView> Proposals)> ForViewerAsync(
        IQuerySession session, QuestionView view, IReadOnlyList<ProposalView> proposals, Guid viewerId, Func<Task<bool>> isModerator, CancellationToken ct)
    {
        var hidden = await OnQuestionAsync(session, view.Id, ct);
        if (hidden.Count == 0) return (view, proposals);
        var moderator = await isModerator();
        return (Apply(view, hidden, viewerId, moderator), Apply(proposals, hidden, viewerId, moderator));
    }

    public static QuestionView Apply(QuestionView view, IReadOnlyList<ContentModeration> hidden, Guid viewerId, bool moderator)
    {
        if (hidden.Count == 0) return view;
        bool Shown(ContentModeration m) => moderator || m.AuthorId == viewerId;
        var notices = hidden.Select(m => new ModerationNotice(m.ContentType, m.ContentId, m.CommentBy, m.HiddenReason ?? "", m.AuthorId == viewerId)).ToList();
        var hiddenQuestion = hidden.FirstOrDefault(m => m.ContentType == ContentTypes.Question);
        var hiddenFollowUps = hidden.Where(m => m.ContentType == ContentTypes.FollowUp && !Shown(m)).Select(m => m.ContentId).ToHashSet();
        var hiddenStories = hidden.Where(m => m.ContentType == ContentTypes.Story && !Shown(m)).Select(m => m.ContentId).ToHashSet();
        var result = view with
        {
            FollowUps = view.FollowUps.Select(f => hiddenFollowUps.Contains(f.Id) ? f with { Text = Placeholder } : f).ToList(),
            Stories = view.Stories.Where(s => !hiddenStories.Contains(s.Id)).ToList(),
            Moderation = notices,
        };
        return hiddenQuestion is not null && !Shown(hiddenQuestion)
            ? result with { Title = Placeholder, Context = "", WhyMine = "", AlreadyKnown = "", Goal = null, Versions = [], FollowUps = [] }
            : result;
    }

    public static IReadOnlyList<ProposalView> Apply(IReadOnlyList<ProposalView> proposals, IReadOnlyList<ContentModeration> hidden, Guid viewerId, bool moderator)
    {
        if (hidden.Count == 0) return proposals;
        bool Hides(ContentModeration m) => !moderator && m.AuthorId != viewerId;
        var offers = hidden.Where(m => m.ContentType == ContentTypes.Proposal && Hides(m)).Select(m => m.ContentId).ToHashSet();
        var comments = hidden.Where(m => m.ContentType == ContentTypes.Comment && Hides(m)).Select(m => (m.ContentId, m.CommentBy)).ToHashSet();
        return proposals.Select(p => (offers.Contains(p.Id) ? p with { Title = Placeholder, Outcome = "", ProposedDates = "" } : p) with
        {
            Reactions = p.Reactions.Select(r => comments.Contains((p.Id, r.Member.Id)) ? r with { Comment = Placeholder } : r).ToList(),
        }).ToList();
    }
}
