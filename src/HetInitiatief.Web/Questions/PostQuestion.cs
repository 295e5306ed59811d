using HetInitiatief.Catalogue;

namespace HetInitiatief.Questions;

public sealed record PostQuestion(
    string? Title, string? Context, string? WhyMine, string? AlreadyKnown, IReadOnlyList<string>? Themes, string? Sector);

public sealed record QuestionWritten(Guid QuestionId, long Version);

public static class PostQuestionEndpoint
{
    public const string IdempotencyKey = "Idempotency-Key";

    public static Problem? CheckFields(PostQuestion command)
    {
        var themes = command.Themes ?? [];
        return new FieldRules()
            .Text("title", command.Title, "je leervraag in één zin", QuestionRules.TitleMax, min: 5)
            .Text("context", command.Context, "de situatie", QuestionRules.ContextMax)
            .Text("whyMine", command.WhyMine, "waarom dit jouw vraag is", QuestionRules.WhyMineMax)
            .Text("alreadyKnown", command.AlreadyKnown, "wat je al weet of kunt", QuestionRules.AlreadyKnownMax)
            .Check(themes.Count > 0, "themes", "Kies minstens één thema.")
            .Check(themes.Distinct().Count() <= Themes.MaxPerQuestion, "themes", $"Kies hoogstens {Themes.MaxPerQuestion} thema's.")
            .Check(themes.All(Themes.IsKnown), "themes", $"Onbekend thema: {string.Join(", ", themes.Where(t => !Themes.IsKnown(t)))}.")
            .Check(Sectors.IsKnown(command.Sector), "sector", Sectors.Unknown)
            .Problem;
    }

    public static Decision Decide(PostQuestion command, Guid questionId, Guid memberId, DateTimeOffset now) =>
        CheckFields(command) is { } invalid
            ? invalid
            : Decision.Accept(new QuestionPosted(
                questionId, memberId, command.Title!.Trim(), command.Context!.Trim(), command.WhyMine!.Trim(),
                command.AlreadyKnown!.Trim(), command.Themes!.Distinct().ToList(), command.Sector!, now));

    [EndpointSummary("Post a learning question.")]
    [WolverinePost("/api/questions")]
    [Refuses(400)]
    public static async Task<Created<QuestionWritten>> Post(
        PostQuestion command, ClaimsPrincipal user, HttpRequest request, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        // An API client may send the form's guard too: a repeat with the same key answers with the question it posted.
        Guid? submissionId = null;
        if (request.Headers.TryGetValue(IdempotencyKey, out var key))
        {
            if (!Guid.TryParse(key, out var parsed) || parsed == Guid.Empty)
                return Problem.Invalid(IdempotencyKey, "Geef als Idempotency-Key een GUID, bijvoorbeeld een nieuwe UUID per vraag.");
            submissionId = parsed;
        }
        var outcome = await PostAsync(command, user.MemberId(), store, clock.GetUtcNow(), ct, submissionId);
        return outcome.Created(question => $"/api/questions/{question.QuestionId}");
    }

    private static readonly Problem FormUsed = Problem.Conflict("Dit formulier is al gebruikt. Laad de pagina opnieuw om een nieuwe vraag te stellen.");

    /// <param name="submissionId">
    /// The form's one-time token, used as the question's id: a form sent twice (a double press, a resend after a
    /// lost answer) starts the same stream twice, the second start collides, and the member is answered with the
    /// question the first one posted — one question per submit, even when both arrive at once.
    /// </param>
    public static async Task<Outcome<QuestionWritten>> PostAsync(
        PostQuestion command, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct, Guid? submissionId = null)
    {
        var questionId = submissionId ?? Guid.CreateVersion7();
        await using (var session = store.LightweightSession())
        {
            var decision = Decide(command, questionId, memberId, now);
            var started = await EventStreams.StartAsync<Question>(session, questionId, decision, FormUsed, ct);
            if (started.Problem != FormUsed) return started.Map(written => new QuestionWritten(questionId, written.Version));
        }
        await using var query = store.QuerySession();
        return await query.LoadAsync<QuestionBoardItem>(questionId, ct) is { } posted && posted.OwnerId == memberId
            ? new QuestionWritten(questionId, posted.Version)
            : FormUsed;
    }
}
