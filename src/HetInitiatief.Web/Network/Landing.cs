using HetInitiatief.Members;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;

namespace HetInitiatief.Network;

/// <summary>A founding member who chose to be listed on the landing page.</summary>
public sealed record ListedEarlyBird(int Seat, string Name, string Sector);

/// <summary>A learning question as the public sees it: what is asked, never by whom; it links to the question's public preview.</summary>
public sealed record CollectedQuestion(Guid Id, string Title, IReadOnlyList<string> Themes, string Sector);

public sealed record OpeningView(Guid SessionId, string Title, DateTimeOffset StartsAt, string Location);

/// <summary>What the public landing page tells: the seats, the founding members, the questions gathered, the opening.</summary>
public sealed record LandingView(
    NetworkView Network, IReadOnlyList<ListedEarlyBird> EarlyBirds, int QuestionsCollected, IReadOnlyList<CollectedQuestion> LatestQuestions, OpeningView? Opening)
{
    public const int QuestionsShown = 8;

    public static async Task<LandingView> LoadAsync(IQuerySession session, NetworkSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        var network = await NetworkEndpoints.ReadAsync(session, settings, now, ct);
        var listed = await session.Query<MemberProfile>()
            .Where(m => m.ListedAsEarlyBird && m.EarlyBirdSeat != null)
            .OrderBy(m => m.EarlyBirdSeat)
            .ToListAsync(ct);
        var open = session.Query<QuestionBoardItem>().Where(q => q.Status == QuestionStatus.Open);
        var count = await open.CountAsync(ct);
        var latest = await open.OrderByDescending(q => q.PostedAt).Take(QuestionsShown).ToListAsync(ct);
        var opening = network.OpeningSessionId is { } id ? await session.LoadAsync<Session>(id, ct) : null;
        return new LandingView(
            network,
            listed.Select(m => new ListedEarlyBird(m.EarlyBirdSeat!.Value, m.Name, m.Sector)).ToList(),
            count,
            latest.Select(q => new CollectedQuestion(q.Id, q.Title, q.Themes, q.Sector)).ToList(),
            opening is null || opening.IsCalledOff ? null : new OpeningView(opening.Id, opening.Title, opening.StartsAt, opening.Location ?? SessionKinds.Formats.GetValueOrDefault(opening.Format, opening.Format)));
    }
}
