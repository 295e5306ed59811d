namespace HetInitiatief.Sessions;

/// <summary>A participant's feedback: a rating and what they will do differently in their practice.</summary>
public sealed record GiveFeedback(int? Rating, string? ChangeInPractice);

public static class GiveFeedbackEndpoint
{
    public static Decision Decide(Session session, GiveFeedback command, Guid memberId, DateTimeOffset now)
    {
        var invalid = new FieldRules()
            .Check(command.Rating is >= 1 and <= 5, "rating", "Geef een cijfer van 1 tot 5.")
            .Text("changeInPractice", command.ChangeInPractice, "wat je anders gaat doen in je praktijk", 2000, min: 3)
            .Problem;
        if (invalid is not null) return invalid;
        if (session.Attended?.Contains(memberId) != true) return Problem.Forbidden("Alleen wie erbij was, kan feedback geven.");
        if (session.Feedbacks?.Any(f => f.MemberId == memberId) == true) return Problem.Conflict("Je hebt al feedback gegeven op deze bijeenkomst.");
        return Decision.Accept(new FeedbackGiven(session.Id, memberId, command.Rating!.Value, command.ChangeInPractice!.Trim(), now));
    }

    [EndpointSummary("Give feedback on a session you attended: a 1–5 rating and what you will do differently.")]
    [WolverinePost("/api/sessions/{id}/feedback")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Created<SessionWritten>> Post(
        Guid id, GiveFeedback command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await GiveAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct))
            .Created(_ => $"/api/sessions/{id}");

    public static async Task<Outcome<SessionWritten>> GiveAsync(
        Guid sessionId, GiveFeedback command, Guid memberId, IDocumentStore store, DateTimeOffset now,
            CancellationToken ct) =>
        (await EventStreams.DecideAsync<Session>(store, sessionId, null, s => Decide(s, command, memberId, now),
            Session.NotFound, ct))
            .Map(written => new SessionWritten(sessionId, written.Version));
}
