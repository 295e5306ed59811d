using HetInitiatief.Members;

namespace HetInitiatief.Coalitions;

/// <summary>What the meter on a card or a question page shows.</summary>
public sealed record CoalitionMeter(
    Guid CoalitionId, int Partners, int Threshold, bool ThresholdReached, bool SeeksInitiator, bool Closed, string? LastJoined,
    string? LastJoinedAs = null, bool Completed = false)
{
    /// <summary>Whether the member who joined last is one of the partners counted; a user or supplier is named as such.</summary>
    public bool LastJoinedCounts => LastJoinedAs is null or Positions.Partner or Positions.Initiator;

    public int Percent => Math.Min(100, Partners * 100 / Math.Max(1, Threshold));

    public static CoalitionMeter From(CoalitionView c) =>
        new(c.Id, c.Partners, c.Threshold, c.ThresholdReached, c.SeeksInitiator, c.Status == CoalitionStatus.Closed, c.LastJoined?.Name,
            c.LastJoined is { } last ? c.PositionOf(last.Id) : null, c.Status == CoalitionStatus.Completed);

    public static CoalitionMeter From(CoalitionDetails c, string? lastJoinedName) =>
        new(c.Id, c.Partners, c.Threshold, c.ThresholdReachedAt is not null, c.SeeksInitiator, c.Status == CoalitionStatus.Closed, lastJoinedName,
            c.Members.FirstOrDefault(m => m.MemberId == c.LastJoined)?.Position, c.Status == CoalitionStatus.Completed);

    /// <summary>The meters of the coalitions around these questions, by question id; questions without one are absent.</summary>
    public static async Task<IReadOnlyDictionary<Guid, CoalitionMeter>> ForQuestionsAsync(IQuerySession session, IEnumerable<Guid> questionIds, CancellationToken ct)
    {
        var ids = questionIds.Select(Coalition.IdFor).ToArray();
        if (ids.Length == 0) return new Dictionary<Guid, CoalitionMeter>();
        var coalitions = await session.LoadManyAsync<CoalitionDetails>(ct, ids);
        var names = await MemberProfile.NamesAsync(session, coalitions.Where(c => c.LastJoined is not null).Select(c => c.LastJoined!.Value), ct);
        return coalitions.ToDictionary(c => c.QuestionId, c => From(c, c.LastJoined is { } last ? names.GetValueOrDefault(last) : null));
    }
}
