using HetInitiatief.Initiative;
using HetInitiatief.Members;
using HetInitiatief.Questions;

namespace HetInitiatief.Coalitions;

public sealed record CoalitionMemberView(Person Member, string Position, string Contribution, DateTimeOffset JoinedAt);

public sealed record CoalitionGroupView(string Position, string Name, IReadOnlyList<CoalitionMemberView> Members);

/// <summary>The coalition with names: its meter ("7 van 10 · Anna deed net mee") and the network by position.</summary>
public sealed record CoalitionView(
    Guid Id, Guid QuestionId, long Version, string Status, Person? Initiator, bool SeeksInitiator, int Partners, int Threshold,
    bool ThresholdReached, DateTimeOffset? ThresholdReachedAt, DateTimeOffset? ClosesAt, string Invitation, Person? LastJoined,
    IReadOnlyList<CoalitionGroupView> Network, Person? HandoverOfferedTo, IReadOnlyList<Questions.Endorsement>? Endorsements = null,
    string Phase = Phases.Forming)
{
    public string PhaseName => Phases.Names[Phase];

    public int Percent => Math.Min(100, Partners * 100 / Math.Max(1, Threshold));

    public bool Includes(Guid memberId) => Network.Any(g => g.Members.Any(m => m.Member.Id == memberId));

    public string? PositionOf(Guid memberId) =>
        Network.SelectMany(g => g.Members).FirstOrDefault(m => m.Member.Id == memberId)?.Position;
}

public static class GetCoalitionEndpoint
{
    [EndpointSummary(
        "The coalition around a question: meter, threshold, and the network grouped by position; with at= (ISO 8601) as it stood then.")]
    [WolverineGet("/api/questions/{id}/coalition")]
    [Refuses(400, 404)]
    public static async Task<Answer<CoalitionView>> Get(
        Guid id, string? at, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var moment = TimeTravel.Moment(at);
        if (moment.Problem is { } invalid) return invalid;
        var view = await ReadAsync(id, session, clock.GetUtcNow(), ct, moment.Value);
        return view is null
            ? Problem.NotFound(at is null ? "Er is (nog) geen coalitie rond deze vraag." : "Op dat moment was er nog geen coalitie.")
            : view;
    }

    /// <param name="asOf">A moment in the past: the coalition replayed from its events up to then.</param>
    public static async Task<CoalitionView?> ReadAsync(
        Guid questionId, IQuerySession session, DateTimeOffset now, CancellationToken ct, DateTimeOffset? asOf = null)
    {
        var details = asOf is { } when
            ? await session.Events.AggregateStreamAsync<CoalitionDetails>(Coalition.IdFor(questionId),
                timestamp: when.ToUniversalTime(), token: ct)
            : await session.LoadAsync<CoalitionDetails>(Coalition.IdFor(questionId), ct);
        if (details is null) return null;
        var names = await MemberProfile.NamesAsync(session, details.Members.Select(m => m.MemberId).Concat((details.Endorsements ?? []).Select(e => e.Leader)), ct);
        return ToView(details, names, InitiativeRules.Today(asOf ?? now));
    }

    public static CoalitionView ToView(CoalitionDetails details, IReadOnlyDictionary<Guid, string> names, DateOnly today)
    {
        Person PersonOf(Guid id) => Person.Of(id, names);
        var network = Positions.Names
            .Select(p => new CoalitionGroupView(p.Key, p.Value, details.Members.Where(m => m.Position == p.Key)
                .Select(m => new CoalitionMemberView(PersonOf(m.MemberId), m.Position, m.Contribution, m.JoinedAt)).ToList()))
            .ToList();
        return new CoalitionView(
            details.Id, details.QuestionId, details.Version, details.Status, details.SeeksInitiator ? null : PersonOf(details.InitiatorId),
            details.SeeksInitiator, details.Partners, details.Threshold, details.ThresholdReachedAt is not null, details.ThresholdReachedAt,
            details.ClosesAt, details.Invitation, details.LastJoined is { } last ? PersonOf(last) : null, network,
            details.HandoverOfferedTo is { } to ? PersonOf(to) : null, Questions.Endorsements.View(details.Endorsements, names),
            details.PhaseOn(today));
    }
}
