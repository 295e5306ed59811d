using HetInitiatief.Catalogue;
using HetInitiatief.Coalitions;

namespace HetInitiatief.Questions;

/// <summary>
/// What a visitor who was sent a link to a question may see before joining: the question in one line, its
/// themes, how far the conversation and the coalition have come — no names and no texts of members.
/// </summary>
public sealed record QuestionPreview(
    Guid Id, string Title, IReadOnlyList<ThemeView> Themes, string Sector, int FollowUps, int Versions, bool Open,
    CoalitionMeter? Coalition)
{
    public static async Task<QuestionPreview?> ReadAsync(Guid id, IQuerySession session, CancellationToken ct)
    {
        var item = await session.LoadAsync<QuestionBoardItem>(id, ct);
        if (item is null) return null;
        var hidden = await session.Query<Moderation.ContentModeration>()
            .AnyAsync(m => m.ContentId == id && m.Hidden && m.ContentType == Moderation.ContentTypes.Question, ct);
        if (hidden) return null;
        var meters = await CoalitionMeter.ForQuestionsAsync(session, [id], ct);
        return new QuestionPreview(
            item.Id, item.Title, item.Themes.Select(t => new ThemeView(t, Catalogue.Themes.Name(t))).ToList(), item.Sector,
            item.FollowUpCount, item.FormulationVersion, item.Status == QuestionStatus.Open && item.MergedInto is null,
            meters.GetValueOrDefault(id) is { } meter ? meter with { LastJoined = null } : null);
    }
}
