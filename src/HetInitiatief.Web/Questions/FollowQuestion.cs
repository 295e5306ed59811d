using HetInitiatief.Members;

namespace HetInitiatief.Questions;

/// <summary>A member follows a question without joining, to hear what happens to it. Recorded on the member's stream.</summary>
public sealed record MemberFollowedQuestion(Guid MemberId, Guid QuestionId, DateTimeOffset FollowedAt);

public sealed record MemberUnfollowedQuestion(Guid MemberId, Guid QuestionId, DateTimeOffset UnfollowedAt);

/// <summary>Who follows which question; its id makes following twice store it once.</summary>
public sealed record QuestionFollow(string Id, Guid QuestionId, Guid MemberId, DateTimeOffset Since)
{
    public static string IdFor(Guid questionId, Guid memberId) => $"{questionId:N}:{memberId:N}";
}

public sealed record Following(Guid QuestionId, bool Follows, bool Changed);

public sealed record FollowersView(int Count, IReadOnlyList<Person> Followers);

public static class FollowQuestionEndpoints
{
    [EndpointSummary("Follow a question to receive its updates. Following twice changes nothing (200).")]
    [Members.AllowUnconfirmed]
    [WolverinePost("/api/questions/{id}/followers")]
    [Refuses(404)]
    public static async Task<Added<Following>> Follow(
        Guid id, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await SetAsync(id, user.MemberId(), follow: true, store, clock.GetUtcNow(), ct))
            .Added($"/api/questions/{id}/followers", following => following.Changed);

    [EndpointSummary("Stop following a question.")]
    [Members.AllowUnconfirmed]
    [WolverineDelete("/api/questions/{id}/followers/me")]
    [Refuses(404)]
    public static async Task<Answer<Following>> Unfollow(
        Guid id, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await SetAsync(id, user.MemberId(), follow: false, store, clock.GetUtcNow(), ct)).Answer();

    [EndpointSummary("Who follows a question.")]
    [WolverineGet("/api/questions/{id}/followers")]
    public static async Task<Answer<FollowersView>> Get(Guid id, IQuerySession session, CancellationToken ct)
    {
        var ids = await FollowerIdsAsync(session, id, ct);
        var names = await MemberProfile.NamesAsync(session, ids, ct);
        return new FollowersView(ids.Count, ids.Select(m => Person.Of(m, names)).ToList());
    }

    public static async Task<IReadOnlyList<Guid>> FollowerIdsAsync(IQuerySession session, Guid questionId, CancellationToken ct) =>
        await session.Query<QuestionFollow>().Where(f => f.QuestionId == questionId).OrderBy(f => f.Since).Select(f => f.MemberId).ToListAsync(ct);

    public static async Task<Outcome<Following>> SetAsync(Guid questionId, Guid memberId, bool follow, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<QuestionBoardItem>(questionId, ct) is null) return Problem.NotFound(QuestionRules.NotFound);
        var id = QuestionFollow.IdFor(questionId, memberId);
        var follows = await session.LoadAsync<QuestionFollow>(id, ct) is not null;
        if (follows == follow) return new Following(questionId, follow, false);

        if (follow)
        {
            session.Store(new QuestionFollow(id, questionId, memberId, now));
            session.Events.Append(memberId, new MemberFollowedQuestion(memberId, questionId, now));
        }
        else
        {
            session.Delete<QuestionFollow>(id);
            session.Events.Append(memberId, new MemberUnfollowedQuestion(memberId, questionId, now));
        }
        await session.SaveChangesAsync(ct);
        return new Following(questionId, follow, true);
    }
}
