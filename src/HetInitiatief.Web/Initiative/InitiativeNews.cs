using HetInitiatief.Members;
using HetInitiatief.Questions;

namespace HetInitiatief.Initiative;

/// <summary>The latest news of one initiative, for members outside it: an update, or its completion.</summary>
public sealed record InitiativeNewsItem(
    Guid CoalitionId, Guid QuestionId, string QuestionTitle, string Kind, Person By, string Text, DateTimeOffset At,
    string Link)
{
    public const string Update = "update";
    public const string Completed = "completed";
}

/// <summary>Keep the rest of the network informed: what initiatives they are not in are doing (seeds 004).</summary>
public static class InitiativeNewsEndpoint
{
    public const int Size = 5;

    [EndpointSummary("The latest news from initiatives across the network: updates and completions, newest first.")]
    [WolverineGet("/api/initiatives/news")]
    public static async Task<Answer<IReadOnlyList<InitiativeNewsItem>>> Get(
        IQuerySession session, CancellationToken ct) =>
        Answer.Of(await LatestAsync(session, ct));

    public static async Task<IReadOnlyList<InitiativeNewsItem>> LatestAsync(IQuerySession session, CancellationToken ct)
    {
        // A few more than shown: news whose question is gone (or never was on the board) is left out.
        var timelines = await session.Query<InitiativeTimeline>().Where(t => t.LastNewsAt != null)
            .OrderByDescending(t => t.LastNewsAt).Take(Size * 2).ToListAsync(ct);
        var titles = (await session.LoadManyAsync<QuestionBoardItem>(ct, timelines.Select(t => t.QuestionId)))
            .ToDictionary(q => q.Id, q => q.Title);
        var latest = timelines.Where(t => titles.ContainsKey(t.QuestionId)).Take(Size)
            .Select(t => (Timeline: t, News: Latest(t))).ToList();
        var names = await MemberProfile.NamesAsync(session, latest.Select(l => l.News.By), ct);
        return latest.Select(l => new InitiativeNewsItem(
            l.Timeline.Id, l.Timeline.QuestionId, titles[l.Timeline.QuestionId], l.News.Kind,
            Person.Of(l.News.By, names), l.News.Text, l.News.At, $"/vragen/{l.Timeline.QuestionId}#initiatief"))
            .ToList();
    }

    private static (string Kind, Guid By, string Text, DateTimeOffset At) Latest(InitiativeTimeline t) =>
        t.Completed is { } done && (t.Updates.Count == 0 || done.At >= t.Updates[^1].At)
            ? (InitiativeNewsItem.Completed, done.By, done.Celebration, done.At)
            : (InitiativeNewsItem.Update, t.Updates[^1].By, t.Updates[^1].Text, t.Updates[^1].At);
}
