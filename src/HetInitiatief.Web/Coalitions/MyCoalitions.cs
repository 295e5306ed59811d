using HetInitiatief.Members;
using HetInitiatief.Questions;

namespace HetInitiatief.Coalitions;

/// <summary>A coalition of mine: where it stands (its phase) and the group's next step.</summary>
public sealed record MyCoalition(
    Guid CoalitionId, Guid QuestionId, string QuestionTitle, string MyPosition, string Status, CoalitionMeter Meter,
    DateTimeOffset LastActivityAt, string Phase, string PhaseName, string NextStep);

public static class MyCoalitionsEndpoint
{
    [EndpointSummary("The coalitions I started or joined, with their phase and next step; most recently active first.")]
    [WolverineGet("/api/me/coalitions")]
    public static async Task<Answer<IReadOnlyList<MyCoalition>>> Get(
        ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        Answer.Of(await ReadAsync(user.MemberId(), session, clock.GetUtcNow(), ct));

    public static async Task<IReadOnlyList<MyCoalition>> ReadAsync(
        Guid memberId, IQuerySession session, DateTimeOffset now, CancellationToken ct)
    {
        var today = Initiative.InitiativeRules.Today(now);
        var coalitions = await session.Query<CoalitionDetails>()
            .Where(c => c.Members.Any(m => m.MemberId == memberId))
            .OrderByDescending(c => c.LastActivityAt).Take(100).ToListAsync(ct);
        var questions = (await session.LoadManyAsync<QuestionBoardItem>(ct, coalitions.Select(c => c.QuestionId))).ToDictionary(q => q.Id);
        var names = await MemberProfile.NamesAsync(session, coalitions.Where(c => c.LastJoined is not null).Select(c => c.LastJoined!.Value), ct);
        return coalitions.Select(c =>
        {
            var phase = c.PhaseOn(today);
            return new MyCoalition(
                c.Id, c.QuestionId, questions.GetValueOrDefault(c.QuestionId)?.Title ?? "",
                c.Members.First(m => m.MemberId == memberId).Position, c.Status,
                CoalitionMeter.From(c, c.LastJoined is { } last ? names.GetValueOrDefault(last) : null), c.LastActivityAt,
                phase, Initiative.Phases.Names[phase], Initiative.Phases.NextStep(phase, c.Progress));
        }).ToList();
    }
}
