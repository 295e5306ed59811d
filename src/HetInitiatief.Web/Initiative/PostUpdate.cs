using HetInitiatief.Coalitions;
using static HetInitiatief.Initiative.InitiativeRules;

namespace HetInitiatief.Initiative;

/// <summary>
/// A short update for the question's followers and the rest of the network: keep non-members informed.
/// </summary>
public sealed record PostUpdate(string? Text);

public static class PostUpdateEndpoint
{
    public const int UpdateMax = 1000;

    /// <summary>Members of the coalition post updates, also after completion (what happened next).</summary>
    public static Problem? MayPost(Coalition coalition, Guid memberId) =>
        coalition.IsClosed ? Problem.Conflict("Deze coalitie is gesloten.")
        : MustTakePart(coalition, memberId, "een update plaatsen");

    public static Decision Decide(
        Coalition coalition, PostUpdate command, Guid updateId, Guid memberId, DateTimeOffset now) =>
        new FieldRules().Text("text", command.Text, "je update", UpdateMax, min: 5).Problem
        ?? MayPost(coalition, memberId)
        ?? Decision.Accept(new InitiativeUpdatePosted(coalition.Id, updateId, memberId, command.Text!.Trim(), now));

    [EndpointSummary("Post an update on the initiative (any member of the coalition); followers are notified.")]
    [WolverinePost("/api/coalitions/{id}/updates")]
    [Refuses(400, 403, 404, 409)]
    public static async Task<Created<InitiativeWritten>> Post(
        Guid id, PostUpdate command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await PostAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct))
            .Created(_ => $"/api/coalitions/{id}/timeline");

    public static async Task<Outcome<InitiativeWritten>> PostAsync(
        Guid coalitionId, PostUpdate command, Guid memberId, IDocumentStore store, DateTimeOffset now,
        CancellationToken ct)
    {
        var updateId = Guid.CreateVersion7();
        return await InitiativeRules.WriteAsync(store, coalitionId,
            c => Decide(c, command, updateId, memberId, now), ct, updateId);
    }
}
