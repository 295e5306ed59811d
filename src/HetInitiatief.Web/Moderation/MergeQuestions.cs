using HetInitiatief.Coalitions;
using HetInitiatief.Members;
using HetInitiatief.Notifications;
using HetInitiatief.Questions;
using JasperFx.Events;

namespace HetInitiatief.Moderation;

/// <param name="Abuse">Merging without the owners' agreement is for abuse only, and must be said so.</param>
public sealed record MergeQuestion(Guid? IntoQuestionId, string? Reason, bool? Abuse = null);

/// <summary>
/// A moderator merges a question alone — for abuse only (a question posted to disrupt, spam under a copied title);
/// the reason goes in the audit log. A duplicate asked in good faith is merged by its owners' agreement
/// (<see cref="MergeProposalEndpoints"/>).
/// </summary>
public static class MergeQuestionEndpoint
{
    public const string OnlyForAbuse =
        "Zonder instemming van de eigenaren voeg je alleen samen bij misbruik. Stel anders voor om samen te voegen: "
        + "dan beslissen de eigenaren van beide vragen.";

    /// <summary>What any merge needs: another question that exists and is open, a reason, and an open duplicate.</summary>
    public static Problem? CheckTarget(Question duplicate, QuestionBoardItem? target, Guid? intoQuestionId, string? reason) =>
        new FieldRules()
            .Check(intoQuestionId is { } into && into != duplicate.Id, "intoQuestionId",
                "Kies een andere vraag om mee samen te voegen.")
            .Text("reason", reason, "waarom dit dubbel is", 500)
            .Problem
        ?? (target is null ? Problem.NotFound("De vraag om mee samen te voegen bestaat niet.")
            : target.Status != QuestionStatus.Open ? Problem.Conflict("Voeg samen met een open vraag.", "intoQuestionId")
            : QuestionRules.MustBeOpen(duplicate));

    /// <summary>The duplicate closes (and its open coalition with it); its members do not move: this is for abuse.</summary>
    public static TwoStreamDecision Decide(
        Question duplicate, Coalition? coalition, QuestionBoardItem? target, MergeQuestion command,
            MemberProfile moderator, DateTimeOffset now)
    {
        if (command.Abuse != true) return Problem.Invalid("abuse", OnlyForAbuse);
        if (CheckTarget(duplicate, target, command.IntoQuestionId, command.Reason) is { } refused) return refused;
        return Merge(TwoStreamDecision.Nothing, coalition,
            new QuestionMergedInto(duplicate.Id, target!.Id, moderator.Id, command.Reason!.Trim(), now));
    }

    /// <summary>
    /// What every merge appends after what was decided before it: the duplicate closes, and so does its coalition when
    /// still open. The coalition is the first stream (locked first), the question the second.
    /// </summary>
    public static TwoStreamDecision Merge(TwoStreamDecision decided, Coalition? coalition, QuestionMergedInto merged)
    {
        var closed = decided.OnSecond(merged);
        return coalition is { IsClosed: false }
            ? closed.OnFirst(new CoalitionClosed(coalition.Id, CoalitionClosed.QuestionMerged, coalition.Partners,
                coalition.Threshold, merged.MergedAt))
            : closed;
    }

    [EndpointSummary("For abuse only (abuse: true): merge a question into another without its owners' agreement; it closes with its coalition, and everyone involved hears where the conversation continues (moderators only).")]
    [WolverinePost("/api/moderation/questions/{id}/merge")]
    [Authorize(Policy = RolePolicies.Moderator)]
    [Refuses(400, 404, 409)]
    public static async Task<Answer<QuestionWritten>> Post(
        Guid id, MergeQuestion command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var outcome = await MergeAsync(id, command, user, store, clock.GetUtcNow(), ct);
        return outcome.Answer();
    }

    public static async Task<Outcome<QuestionWritten>> MergeAsync(Guid id, MergeQuestion command, ClaimsPrincipal user, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var moderator = await Moderators.RequireAsync(query, user, ct);
        if (moderator.Problem is { } refused) return refused;
        var target = command.IntoQuestionId is { } into ? await query.LoadAsync<QuestionBoardItem>(into, ct) : null;
        return (await EventStreams.DecideAsync<Coalition, Question>(store, Coalition.IdFor(id), id,
                (coalition, question) => question is null ? Problem.NotFound(QuestionRules.NotFound) : Decide(question, coalition, target, command, moderator.Value!, now),
                ct))
            .Map(written => new QuestionWritten(id, written.Second.Version));
    }
}

/// <summary>A question was merged: everyone involved in it hears where the conversation continues.</summary>
public sealed record MergeNews(Guid NewsId, Guid QuestionId, Guid IntoQuestionId, DateTimeOffset At)
{
    public static MergeNews? From(IEvent e) => e.Data is QuestionMergedInto m ? new(e.Id, m.QuestionId, m.IntoQuestionId, m.MergedAt) : null;
}

public static class MergeNewsHandler
{
    public static async Task<IEnumerable<object>> Handle(MergeNews news, IDocumentSession session, CancellationToken ct)
    {
        var duplicate = await session.LoadAsync<QuestionDetails>(news.QuestionId, ct);
        var target = await session.LoadAsync<QuestionBoardItem>(news.IntoQuestionId, ct);
        if (duplicate is null || target is null) return [];
        var coalition = await session.LoadAsync<CoalitionDetails>(Coalition.IdFor(news.QuestionId), ct);
        var followers = await FollowQuestionEndpoints.FollowerIdsAsync(session, news.QuestionId, ct);
        var recipients = followers.Append(duplicate.OwnerId).Concat(coalition?.Members.Select(m => m.MemberId) ?? []).Distinct().ToList();
        var text = $"\"{duplicate.Title}\" is samengevoegd met \"{target.Title}\": het gesprek gaat daar verder.";
        return await session.StoreAndAnnounceAsync(recipients
            .Select(r => new Notification(NotificationIds.For(news.NewsId, r), r, NotificationKinds.QuestionMerged, text, $"/vragen/{target.Id}", news.At, null)).ToList(), ct);
    }
}
