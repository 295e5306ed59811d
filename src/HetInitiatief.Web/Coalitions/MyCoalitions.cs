using HetInitiatief.Members;
using HetInitiatief.Questions;

namespace HetInitiatief.Coalitions;

public sealed record MyCoalition(Guid CoalitionId, Guid QuestionId, string QuestionTitle, string MyPosition, string Status, CoalitionMeter Meter, DateTimeOffset LastActivityAt);

public static class MyCoalitionsEndpoint
{
    [EndpointSummary("The coalitions I started or joined, with their state; most recently active first.")]
    [WolverineGet("/api/me/coalitions")]
    public static async Task<Answer<IReadOnlyList<MyCoalition>>> Get(
        ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        Answer.Of(await ReadAsync(user.MemberId(), session, ct));

    public static async Task<IReadOnlyList<MyCoalition>> ReadAsync(Guid memberId, IQuerySession session, CancellationToken ct)
    {
        var coalitions = await session.Query<CoalitionDetails>()
            .Where(c => c.Members.Any(m => m.MemberId == memberId))
            .OrderByDescending(c => c.LastActivityAt).Take(100).ToListAsync(ct);
        var questions = (await session.LoadManyAsync<QuestionBoardItem>(ct, coalitions.Select(c => c.QuestionId))).ToDictionary(q => q.Id);
        var names = await MemberProfile.NamesAsync(session, coalitions.Where(c => c.LastJoined is not null).Select(c => c.LastJoined!.Value), ct);
        return coalitions.Select(c => new MyCoalition(
            c.Id, c.QuestionId, questions.GetValueOrDefault(c.QuestionId)?.Title ?? "", c.Members.First(m => m.MemberId == memberId).Position, c.Status,
            CoalitionMeter.From(c, c.LastJoined is { } last ? names.GetValueOrDefault(last) : null), c.LastActivityAt)).ToList();
    }
}
