using HetInitiatief.Coalitions;
using HetInitiatief.Members;
using HetInitiatief.Notifications;
using HetInitiatief.Questions;

namespace HetInitiatief.Moderation;

public sealed record ProposeMerge(Guid? IntoQuestionId, string? Reason);

/// <summary>
/// Merging two questions is the owners' decision, not the moderator's: a moderator proposes it, and only when the
/// owners of both questions agree does the duplicate close and its coalition's members move to the other question.
/// Either owner may decline; the questions then stay apart. (A moderator merges alone only for abuse:
/// <see cref="MergeQuestionEndpoint"/>.)
/// </summary>
public static class MergeProposalEndpoints
{
    public const string NoProposal = "Er ligt geen voorstel om deze vraag samen te voegen.";
    public const string NotAnOwner = "Alleen de eigenaren van de twee vragen beslissen over samenvoegen.";

    public static Decision DecidePropose(
        Question duplicate, QuestionBoardItem? target, ProposeMerge command, MemberProfile moderator, DateTimeOffset now)
    {
        if (MergeQuestionEndpoint.CheckTarget(duplicate, target, command.IntoQuestionId, command.Reason) is { } refused)
            return refused;
        if (duplicate.Merge is not null)
            return Problem.Conflict("Er ligt al een voorstel om deze vraag samen te voegen.", "intoQuestionId");
        return Decision.Accept(new MergeProposed(duplicate.Id, target!.Id, moderator.Id, command.Reason!.Trim(), now));
    }

    /// <summary>Who decides: the owner of the duplicate and the owner of the question it would go into.</summary>
    public static Problem? MustBeAnOwner(Question duplicate, Guid? targetOwnerId, Guid memberId) =>
        duplicate.Merge is null ? Problem.Conflict(NoProposal)
        : memberId != duplicate.OwnerId && memberId != targetOwnerId ? Problem.Forbidden(NotAnOwner)
        : null;

    /// <summary>
    /// An owner agrees. The last agreement merges, in the same transaction: the duplicate closes, and so does its
    /// coalition (the coalition first, as in every write that holds both); its members move along afterwards.
    /// </summary>
    public static TwoStreamDecision DecideAgree(
        Question duplicate, Coalition? coalition, QuestionBoardItem? target, Guid memberId, DateTimeOffset now)
    {
        if ((MustBeAnOwner(duplicate, target?.OwnerId, memberId) ?? QuestionRules.MustBeOpen(duplicate)) is { } refused)
            return refused;
        var merge = duplicate.Merge!;
        if (target is not { Status: QuestionStatus.Open })
            return Problem.Conflict("De andere vraag is inmiddels gesloten; samenvoegen kan niet meer.");
        if (merge.AgreedBy.Contains(memberId)) return TwoStreamDecision.Nothing;
        var agreed = TwoStreamDecision.Nothing.OnSecond(new MergeAgreed(duplicate.Id, merge.IntoQuestionId, memberId, now));
        var everyone = merge.AgreedBy.Add(memberId);
        if (!everyone.Contains(duplicate.OwnerId) || !everyone.Contains(target.OwnerId)) return agreed;
        return MergeQuestionEndpoint.Merge(agreed, coalition, new QuestionMergedInto(duplicate.Id, merge.IntoQuestionId,
            merge.ProposedBy, merge.Reason, now, ByAgreement: true));
    }

    public static Decision DecideDecline(Question duplicate, Guid? targetOwnerId, Guid memberId, DateTimeOffset now) =>
        MustBeAnOwner(duplicate, targetOwnerId, memberId)
        ?? Decision.Accept(new MergeDeclined(duplicate.Id, duplicate.Merge!.IntoQuestionId, memberId, now));

    [EndpointSummary("Propose to merge a duplicate question into another (moderators only); both owners decide.")]
    [WolverinePost("/api/moderation/questions/{id}/merge-proposal")]
    [Authorize(Policy = RolePolicies.Moderator)]
    [Refuses(400, 404, 409)]
    public static async Task<Created<QuestionWritten>> Propose(
        Guid id, ProposeMerge command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await ProposeAsync(id, command, user, store, clock.GetUtcNow(), ct))
            .Created(_ => $"/api/questions/{id}");

    [EndpointSummary("Agree, as the owner of either question, to the proposed merge; the last agreement merges.")]
    [WolverinePost("/api/questions/{id}/merge-proposal/agree")]
    [Refuses(403, 404, 409)]
    public static async Task<Answer<QuestionWritten>> Agree(
        Guid id, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await AgreeAsync(id, user.MemberId(), store, clock.GetUtcNow(), ct)).Answer();

    [EndpointSummary("Decline, as the owner of either question, the proposed merge: the questions stay apart.")]
    [WolverinePost("/api/questions/{id}/merge-proposal/decline")]
    [Refuses(403, 404, 409)]
    public static async Task<Answer<QuestionWritten>> Decline(
        Guid id, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await DeclineAsync(id, user.MemberId(), store, clock.GetUtcNow(), ct)).Answer();

    public static async Task<Outcome<QuestionWritten>> ProposeAsync(
        Guid id, ProposeMerge command, ClaimsPrincipal user, IDocumentStore store, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var moderator = await Moderators.RequireAsync(query, user, ct);
        if (moderator.Problem is { } refused) return refused;
        var target = command.IntoQuestionId is { } into ? await query.LoadAsync<QuestionBoardItem>(into, ct) : null;
        return (await EventStreams.DecideAsync<Question>(store, id, null,
                question => DecidePropose(question, target, command, moderator.Value!, now), QuestionRules.NotFound, ct))
            .Map(written => new QuestionWritten(id, written.Version));
    }

    public static async Task<Outcome<QuestionWritten>> AgreeAsync(
        Guid id, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        var target = await TargetAsync(store, id, ct);
        return (await EventStreams.DecideAsync<Coalition, Question>(store, Coalition.IdFor(id), id,
                (coalition, question) => question is null ? Problem.NotFound(QuestionRules.NotFound)
                    : DecideAgree(question, coalition, target, memberId, now), ct))
            .Map(written => new QuestionWritten(id, written.Second.Version));
    }

    public static async Task<Outcome<QuestionWritten>> DeclineAsync(
        Guid id, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        var target = await TargetAsync(store, id, ct);
        return (await EventStreams.DecideAsync<Question>(store, id, null,
                question => DecideDecline(question, target?.OwnerId, memberId, now), QuestionRules.NotFound, ct))
            .Map(written => new QuestionWritten(id, written.Version));
    }

    /// <summary>Questions with a pending proposal to merge into this one: its owner decides on each of them too.</summary>
    public static async Task<IReadOnlyList<LinkedQuestion>> ProposedIntoAsync(
        IQuerySession query, Guid questionId, CancellationToken ct) =>
        (await query.Query<QuestionDetails>()
            .Where(d => d.Merge != null && d.Merge.IntoQuestionId == questionId && d.Status == QuestionStatus.Open)
            .Take(10).ToListAsync(ct))
        .Select(d => new LinkedQuestion(d.Id, d.Title, d.Status)).ToList();

    /// <summary>The question a pending proposal would merge into, read before the duplicate's stream is locked.</summary>
    private static async Task<QuestionBoardItem?> TargetAsync(IDocumentStore store, Guid id, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        return (await query.LoadAsync<QuestionDetails>(id, ct))?.Merge is { } merge
            ? await query.LoadAsync<QuestionBoardItem>(merge.IntoQuestionId, ct)
            : null;
    }
}

/// <summary>
/// Merged by agreement: the duplicate's coalition members move to the other question — into its coalition when it has
/// an open one (in the position they had; an initiator becomes a partner there), else as its followers. Stored with
/// the merge (durable), and idempotent: joining or following twice changes nothing.
/// </summary>
public sealed record MoveMergedMembers(Guid NewsId, Guid QuestionId, Guid IntoQuestionId)
{
    public static MoveMergedMembers? From(JasperFx.Events.IEvent e) =>
        e.Data is QuestionMergedInto { ByAgreement: true } m ? new(e.Id, m.QuestionId, m.IntoQuestionId) : null;
}

public static class MoveMergedMembersHandler
{
    public static async Task Handle(MoveMergedMembers move, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        if (await query.LoadAsync<CoalitionDetails>(Coalition.IdFor(move.QuestionId), ct) is not { } from) return;
        var into = await query.LoadAsync<CoalitionDetails>(Coalition.IdFor(move.IntoQuestionId), ct);
        var title = (await query.LoadAsync<QuestionBoardItem>(move.QuestionId, ct))?.Title ?? "een samengevoegde vraag";
        var now = clock.GetUtcNow();
        foreach (var member in from.Members)
        {
            if (into is { Status: CoalitionStatus.Open })
            {
                var position = member.Position == Positions.Initiator ? Positions.Partner : member.Position;
                var contribution = member.Contribution.Trim().Length >= 3
                    ? member.Contribution
                    : $"Kwam mee van de vraag \"{title}\".";
                await JoinCoalitionEndpoint.JoinAsync(into.Id, new JoinCoalition(position, contribution), member.MemberId,
                    store, now, ct);
            }
            else await FollowQuestionEndpoints.SetAsync(move.IntoQuestionId, member.MemberId, true, store, now, ct);
        }
    }
}

/// <summary>A merge was proposed: the owners of both questions are asked to decide.</summary>
public sealed record MergeProposalNews(Guid NewsId, Guid QuestionId, Guid IntoQuestionId, DateTimeOffset At)
{
    public static MergeProposalNews? From(JasperFx.Events.IEvent e) =>
        e.Data is MergeProposed p ? new(e.Id, p.QuestionId, p.IntoQuestionId, p.ProposedAt) : null;
}

public static class MergeProposalNewsHandler
{
    public static async Task<IEnumerable<object>> Handle(MergeProposalNews news, IDocumentSession session, CancellationToken ct)
    {
        var duplicate = await session.LoadAsync<QuestionBoardItem>(news.QuestionId, ct);
        var target = await session.LoadAsync<QuestionBoardItem>(news.IntoQuestionId, ct);
        if (duplicate is null || target is null) return [];
        var text = $"Een moderator stelt voor \"{duplicate.Title}\" samen te voegen met \"{target.Title}\". "
                   + "Dat gebeurt alleen als jullie allebei instemmen.";
        return await session.StoreAndAnnounceAsync(new[] { duplicate.OwnerId, target.OwnerId }.Distinct()
            .Select(owner => new Notification(NotificationIds.For(news.NewsId, owner), owner,
                NotificationKinds.MergeProposed, text, $"/vragen/{news.QuestionId}#samenvoegen", news.At,
                null))
            .ToList(), ct);
    }
}
