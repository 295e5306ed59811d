using HetInitiatief.Questions;

namespace HetInitiatief.Coalitions;

/// <summary>The owner looks for co-learners: a coalition of the willing around the question.</summary>
public sealed record FormCoalition(int? Threshold, DateTimeOffset? ClosesAt, string? Invitation);

public sealed record CoalitionWritten(Guid CoalitionId, long Version, bool Changed, string? Note = null);

public static class FormCoalitionEndpoint
{
    public static Problem? CheckFields(FormCoalition command, DateTimeOffset now) =>
        new FieldRules()
            .Check(command.Threshold is null or >= CoalitionRules.MinThreshold and <= CoalitionRules.MaxThreshold, "threshold",
                $"Kies een groepsgrootte van {CoalitionRules.MinThreshold} tot {CoalitionRules.MaxThreshold} deelnemers.")
            .Check(command.ClosesAt is null || command.ClosesAt > now, "closesAt", "Kies een sluitingsdatum in de toekomst.")
            .Check(command.ClosesAt is null || command.ClosesAt < now.AddYears(1), "closesAt", "Kies een sluitingsdatum binnen een jaar.")
            .Text("invitation", command.Invitation, "een uitnodiging: wat gaan we samen leren?", CoalitionRules.InvitationMax, min: 10)
            .Problem;

    public static Decision Decide(Question question, FormCoalition command, Guid memberId, DateTimeOffset now) =>
        CheckFields(command, now)
        ?? QuestionRules.MustBeOpen(question)
        ?? QuestionRules.MustBeOwner(question, memberId, "een coalitie vormen")
        ?? Decision.Accept(new CoalitionFormed(
                Coalition.IdFor(question.Id), question.Id, memberId, command.Threshold ?? CoalitionRules.DefaultThreshold,
                command.ClosesAt?.ToUniversalTime(), command.Invitation!.Trim(), now));

    [EndpointSummary("Form the coalition of the willing around your open question: threshold 3–40 (default 6), optional closing date, invitation.")]
    [WolverinePost("/api/questions/{id}/coalition")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Created<CoalitionWritten>> Post(
        Guid id, FormCoalition command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var outcome = await FormAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct);
        return outcome.Created(_ => $"/api/questions/{id}/coalition");
    }

    public static async Task<Outcome<CoalitionWritten>> FormAsync(
        Guid questionId, FormCoalition command, Guid memberId, IDocumentStore store, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var question = await session.Events.AggregateStreamAsync<Question>(questionId, token: ct);
        if (question is null) return Problem.NotFound(QuestionRules.NotFound);

        // The coalition's id derives from the question's, so a second coalition for one question collides.
        var coalitionId = Coalition.IdFor(questionId);
        return (await EventStreams.StartAsync<Coalition>(session, coalitionId, Decide(question, command, memberId, now),
                Problem.Conflict("Er is al een coalitie rond deze vraag. Doe daar mee."), ct))
            .Map(written => new CoalitionWritten(coalitionId, written.Version, true));
    }
}
