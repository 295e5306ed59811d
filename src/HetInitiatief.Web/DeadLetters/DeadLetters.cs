using HetInitiatief.Members;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace HetInitiatief.DeadLetters;

/// <summary>
/// A message that could not be handled, even after its retries. <c>What</c> says in Dutch what it would have done;
/// <c>ReplayRequested</c>: an admin sent it again and Wolverine is about to take it back into its queue.
/// </summary>
public sealed record DeadLetterView(
    Guid Id, string What, string MessageType, DateTimeOffset? FailedAt, string Failure, string ExceptionType,
    bool ReplayRequested, int ReplayCount);

public sealed record DeadLetterList(int Total, IReadOnlyList<DeadLetterView> Messages);

public sealed record DeadLettersReplayed(int Count);

/// <summary>
/// What Wolverine gave up on, for admins to see and send again once the cause is gone (a database that stayed away
/// longer than the retries, a bug fixed since). Reads and marks Wolverine's own dead-letter table, so a message sent
/// again is taken back into its queue by Wolverine's durability agent and handled as if it were new.
/// </summary>
public static class DeadLetterQueue
{
    public const int PageSize = 100;

    [EndpointSummary("Messages Wolverine could not handle even after retrying, newest first (admin only).")]
    [WolverineGet("/api/admin/dead-letters")]
    [Authorize(Policy = RolePolicies.Admin)]
    public static async Task<Answer<DeadLetterList>> Get(IWolverineRuntime runtime, CancellationToken ct) =>
        await ListAsync(runtime, ct);

    [EndpointSummary("Send one dead message again: Wolverine takes it back into its queue within seconds (admin only).")]
    [WolverinePost("/api/admin/dead-letters/{id}/replay")]
    [Authorize(Policy = RolePolicies.Admin)]
    [Refuses(404)]
    public static async Task<Accepted<DeadLettersReplayed>> ReplayOne(Guid id, IWolverineRuntime runtime, CancellationToken ct) =>
        (await ReplayAsync(runtime, id, ct)).Accepted("/api/admin/dead-letters");

    [EndpointSummary("Send every dead message again (admin only).")]
    [WolverinePost("/api/admin/dead-letters/replay")]
    [Authorize(Policy = RolePolicies.Admin)]
    public static async Task<Accepted<DeadLettersReplayed>> ReplayAll(IWolverineRuntime runtime, CancellationToken ct) =>
        Accepted.At("/api/admin/dead-letters", (await ReplayAsync(runtime, null, ct)).Value!);

    public static async Task<DeadLetterList> ListAsync(IWolverineRuntime runtime, CancellationToken ct)
    {
        var results = await runtime.Storage.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery { PageSize = PageSize }, ct);
        var messages = results.Envelopes
            .Select(d => new DeadLetterView(
                d.Id, Describe(d.MessageType), d.MessageType, d.FailedAt ?? d.SentAt, d.ExceptionMessage, d.ExceptionType,
                d.Replayable, d.ReplayCount))
            .OrderByDescending(d => d.FailedAt)
            .ToList();
        return new DeadLetterList(results.TotalCount, messages);
    }

    /// <summary>One message (<paramref name="id"/>) or, with none given, every one not already on its way back.</summary>
    public static async Task<Outcome<DeadLettersReplayed>> ReplayAsync(
        IWolverineRuntime runtime, Guid? id, CancellationToken ct)
    {
        var deadLetters = runtime.Storage.DeadLetters;
        if (id is { } one)
        {
            if (await deadLetters.DeadLetterEnvelopeByIdAsync(one, null) is null)
                return Problem.NotFound("Dit bericht staat niet (meer) bij de vastgelopen berichten.");
            await deadLetters.ReplayAsync(new DeadLetterEnvelopeQuery([one]), ct);
            return new DeadLettersReplayed(1);
        }
        var waiting = (await ListAsync(runtime, ct)).Messages.Where(m => !m.ReplayRequested).Select(m => m.Id).ToArray();
        if (waiting.Length > 0) await deadLetters.ReplayAsync(new DeadLetterEnvelopeQuery(waiting), ct);
        return new DeadLettersReplayed(waiting.Length);
    }

    /// <summary>Wolverine names a message by its type; an admin reads what it was for.</summary>
    public static string Describe(string messageType)
    {
        var name = messageType.Split(['.', '+', ':']).LastOrDefault() ?? messageType;
        return name switch
        {
            "QuestionNews" => "Meldingen over een gesprek op een vraag",
            "CoalitionNews" or "CoalitionShortNews" => "Meldingen over een coalitie",
            "SessionNews" => "Meldingen over een bijeenkomst",
            "OfferNews" => "Meldingen over een aanbod",
            "NetworkNews" => "Meldingen over het netwerk",
            "InviteNews" => "Melding over een uitnodiging",
            "NudgeNews" => "Een duwtje van een moderator",
            "ModerationNews" => "Meldingen over moderatie",
            "MergeNews" => "Meldingen over samengevoegde vragen",
            "ThemeNews" => "Meldingen over een nieuwe vraag in een thema",
            "QuestionToMatch" => "Collega's zoeken die een nieuwe vraag kunnen helpen",
            "NotificationStored" => "Een melding per e-mail",
            "DeliverMail" => "Een e-mail versturen (ook te zien, en opnieuw te versturen, bij Uitgaande mail)",
            "CloseCoalitionIfNotViable" or "RemindCoalitionClosing" => "De sluitingsdatum van een coalitie",
            "DecideGoNoGo" => "Het besluit of een bijeenkomst doorgaat",
            _ => $"Een bericht van het type {name}",
        };
    }
}
