namespace HetInitiatief.Questions;

/// <summary>
/// One card on the question board: what a member scanning the board needs to decide whether to open
/// it. <see cref="SearchText"/> holds every formulation and the goal, so Dutch full-text search finds
/// a question by words it was once asked in, too.
/// </summary>
public sealed record QuestionBoardItem(
    Guid Id,
    Guid OwnerId,
    string Title,
    string Summary,
    IReadOnlyList<string> Themes,
    string Sector,
    string Status,
    int FollowUpCount,
    int UnansweredFollowUpCount,
    int FormulationVersion,
    bool HasGoal,
    DateTimeOffset PostedAt,
    DateTimeOffset LastActivityAt,
    long Version,
    string SearchText,
    Guid? MergedInto = null)
{
    public const int SummaryLength = 280;

    public static QuestionBoardItem Create(QuestionPosted e) =>
        new(e.QuestionId, e.PostedBy, e.Title, Summarise(e.Context), e.Themes, e.Sector, QuestionStatus.Open,
            0, 0, 1, false, e.PostedAt, e.PostedAt, 1, string.Join('\n', e.Title, e.Context, e.WhyMine, e.AlreadyKnown));

    public QuestionBoardItem Apply(FollowUpAsked e) => Moved(e.AskedAt) with
    {
        FollowUpCount = FollowUpCount + 1,
        UnansweredFollowUpCount = UnansweredFollowUpCount + 1,
    };

    public QuestionBoardItem Apply(FollowUpAnswered e) => Moved(e.AnsweredAt) with
    {
        UnansweredFollowUpCount = Math.Max(0, UnansweredFollowUpCount - 1),
    };

    public QuestionBoardItem Apply(QuestionReformulated e) => Moved(e.ReformulatedAt) with
    {
        Title = e.Title,
        Summary = Summarise(e.Context),
        FormulationVersion = e.Version,
        SearchText = string.Join('\n', SearchText, e.Title, e.Context),
    };

    public QuestionBoardItem Apply(GoalSet e) => Moved(e.SetAt) with { HasGoal = true, SearchText = string.Join('\n', SearchText, e.Goal) };

    public QuestionBoardItem Apply(QuestionWithdrawn e) => Moved(e.WithdrawnAt) with { Status = QuestionStatus.Withdrawn };

    public QuestionBoardItem Apply(QuestionMergedInto e) => Moved(e.MergedAt) with { Status = QuestionStatus.Withdrawn, MergedInto = e.IntoQuestionId };

    public QuestionBoardItem Apply(QuestionOwnershipTransferred e) => Moved(e.TransferredAt) with { OwnerId = e.To };

    public QuestionBoardItem Apply(QuestionLinked e) => Moved(e.LinkedAt);

    public QuestionBoardItem Apply(GoalOutcomeRecorded e) => Moved(e.RecordedAt);

    public QuestionBoardItem Apply(SuccessStoryPublished e) => Moved(e.PublishedAt) with { SearchText = string.Join('\n', SearchText, e.Story) };

    private QuestionBoardItem Moved(DateTimeOffset at) => this with { Version = Version + 1, LastActivityAt = at };

    private static string Summarise(string text)
    {
        if (text.Length <= SummaryLength) return text;
        var lastSpace = text.LastIndexOf(' ', SummaryLength - 1);
        return text[..(lastSpace > 0 ? lastSpace : SummaryLength)] + "…";
    }
}
