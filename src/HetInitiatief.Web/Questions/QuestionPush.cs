using HetInitiatief.Live;
using JasperFx.Events;

namespace HetInitiatief.Questions;

/// <summary>The push message for a changed question: small and stable, so clients fetch what they show.</summary>
public sealed record QuestionChanged(Guid QuestionId, long Version, string Change)
{
    public const string Method = "questionChanged";

    public static QuestionChanged? From(IEvent e) => e.Data switch
    {
        QuestionPosted p => new(p.QuestionId, e.Version, "posted"),
        FollowUpAsked f => new(f.QuestionId, e.Version, "followUpAsked"),
        FollowUpAnswered a => new(a.QuestionId, e.Version, "followUpAnswered"),
        QuestionReformulated r => new(r.QuestionId, e.Version, "reformulated"),
        GoalSet g => new(g.QuestionId, e.Version, "goalSet"),
        QuestionWithdrawn w => new(w.QuestionId, e.Version, "withdrawn"),
        QuestionOwnershipTransferred o => new(o.QuestionId, e.Version, "ownerChanged"),
        QuestionLinked l => new(l.QuestionId, e.Version, "linked"),
        GoalOutcomeRecorded g => new(g.QuestionId, e.Version, "goalOutcome"),
        QuestionMergedInto m => new(m.QuestionId, e.Version, "merged"),
        QuestionEndorsed n => new(n.QuestionId, e.Version, "endorsed"),
        QuestionEndorsementWithdrawn w => new(w.QuestionId, e.Version, "endorsementWithdrawn"),
        SuccessStoryPublished s => new(s.QuestionId, e.Version, "successStory"),
        _ => null,
    };
}

/// <summary>Every committed question event, to the board's watchers and the question's.</summary>
public sealed class QuestionPush : IPushMapper
{
    public IEnumerable<object> PushesFor(Commit commit) =>
        from e in commit.Events
        let change = QuestionChanged.From(e)
        where change is not null
        select LivePush.Of(QuestionChanged.Method, change, change.QuestionId, change.Version,
            LiveHub.BoardGroup, LiveHub.QuestionGroup(change.QuestionId));
}
