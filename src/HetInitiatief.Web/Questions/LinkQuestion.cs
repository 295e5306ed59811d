namespace HetInitiatief.Questions;

public sealed record LinkQuestion(Guid? QuestionId);

public sealed record LinkedQuestion(Guid Id, string Title, string Status);

public static class LinkQuestionEndpoint
{
    /// <summary>The owner links their question; a moderator may link any two, to bring duplicates together.</summary>
    public static Decision Decide(Question question, LinkQuestion command, bool targetExists, Guid memberId, DateTimeOffset now, bool moderator = false)
    {
        if (MayLink(question, memberId, moderator) is { } refused) return refused;
        if (command.QuestionId is not { } target || target == question.Id) return Problem.Invalid("questionId", "Kies een andere vraag om aan te koppelen.");
        if (!targetExists) return Problem.NotFound("De vraag om aan te koppelen bestaat niet.");
        return question.Links?.Contains(target) == true ? Decision.Accept() : Decision.Accept(new QuestionLinked(question.Id, target, memberId, now));
    }

    /// <summary>Whether this member may link the question at all, before a target is chosen.</summary>
    public static Problem? MayLink(Question question, Guid memberId, bool moderator) =>
        (moderator ? null : QuestionRules.MustBeOwner(question, memberId, "de vraag koppelen"))
        ?? QuestionRules.MustBeOpen(question);

    [EndpointSummary("Link your question to a similar one (owner, or a moderator for any question); both questions show the link. Linking twice changes nothing.")]
    [WolverinePost("/api/questions/{id}/links")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Answer<QuestionWritten>> Post(
        Guid id, LinkQuestion command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var outcome = await LinkAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct);
        return outcome.Answer();
    }

    public static async Task<Outcome<QuestionWritten>> LinkAsync(Guid questionId, LinkQuestion command, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var targetExists = command.QuestionId is { } target && await query.LoadAsync<QuestionBoardItem>(target, ct) is not null;
        var moderator = Moderation.Moderators.Are(await query.LoadAsync<Members.MemberProfile>(memberId, ct));
        return (await EventStreams.DecideAsync<Question>(store, questionId, null, q => Decide(q, command, targetExists, memberId, now, moderator), QuestionRules.NotFound, ct))
            .Map(written => new QuestionWritten(questionId, written.Version));
    }

    /// <summary>Both directions: the questions this one links to, and those that link to it.</summary>
    public static async Task<IReadOnlyList<LinkedQuestion>> LinkedAsync(IQuerySession session, Guid questionId, IReadOnlyList<Guid> links, CancellationToken ct)
    {
        var linkingHere = await session.Query<QuestionDetails>().Where(d => d.Links!.Contains(questionId)).Select(d => d.Id).ToListAsync(ct);
        var ids = links.Union(linkingHere).ToArray();
        if (ids.Length == 0) return [];
        var items = await session.LoadManyAsync<QuestionBoardItem>(ct, ids);
        return items.Select(i => new LinkedQuestion(i.Id, i.Title, i.Status)).ToList();
    }
}
