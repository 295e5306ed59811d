using HetInitiatief.Coalitions;
using HetInitiatief.Live;
using HetInitiatief.Questions;
using JasperFx.Events;

namespace HetInitiatief.Workspace;

/// <summary>
/// Something on this member's werkplek changed: a colleague asked a follow-up on their question, their follow-up was
/// answered, or the meter of a coalition they are in moved. Small and stable, like the other pushes: the page
/// fetches itself again to see what.
/// </summary>
public sealed record WorkspaceChanged(Guid MemberId, string Change)
{
    public const string Method = "workspaceChanged";

    /// <summary>
    /// Who is concerned by a committed event, read from the inline read models written in the same commit (the
    /// question for its owner and the asker of a follow-up, the coalition for its members). Never the actor themself.
    /// </summary>
    public static IEnumerable<WorkspaceChanged> From(
        IEvent e, IReadOnlyDictionary<Guid, QuestionDetails> questions, IReadOnlyDictionary<Guid, CoalitionDetails> coalitions)
    {
        switch (e.Data)
        {
            case FollowUpAsked asked when questions.GetValueOrDefault(asked.QuestionId) is { } question && question.OwnerId != asked.AskedBy:
                return [new(question.OwnerId, "followUpAsked")];
            case FollowUpAnswered answered when questions.GetValueOrDefault(answered.QuestionId)?.FollowUps.FirstOrDefault(f => f.Id == answered.FollowUpId) is { } followUp
                                               && followUp.AskedBy != answered.AnsweredBy:
                return [new(followUp.AskedBy, "followUpAnswered")];
            case MemberJoinedCoalition or MemberLeftCoalition or CoalitionPositionChanged or CoalitionThresholdReached or CoalitionClosed
                or CoalitionClosingDateExtended or CoalitionOfferAccepted when coalitions.GetValueOrDefault(e.StreamId) is { } coalition:
                var actor = e.Data switch
                {
                    MemberJoinedCoalition j => j.MemberId,
                    MemberLeftCoalition l => l.MemberId,
                    CoalitionPositionChanged p => p.MemberId,
                    CoalitionClosingDateExtended x => x.ExtendedBy,
                    CoalitionOfferAccepted a => a.AcceptedBy,
                    _ => Guid.Empty,
                };
                return coalition.Members.Select(m => m.MemberId).Where(m => m != actor).Select(m => new WorkspaceChanged(m, "coalitionChanged"));
            default:
                return [];
        }
    }
}

/// <summary>Each member concerned by the commit, to their own group.</summary>
public sealed class WorkspacePush : IPushMapper
{
    public IEnumerable<object> PushesFor(Commit commit)
    {
        var questions = commit.Written<QuestionDetails>(q => q.Id);
        var coalitions = commit.Written<CoalitionDetails>(c => c.Id);
        return commit.Events.SelectMany(e => WorkspaceChanged.From(e, questions, coalitions))
            .Select(change => LivePush.Of(WorkspaceChanged.Method, change, LiveHub.MemberGroup(change.MemberId)));
    }
}
