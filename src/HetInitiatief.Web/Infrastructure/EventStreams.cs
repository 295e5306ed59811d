using JasperFx;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace HetInitiatief.Infrastructure;

/// <summary>What a write did: the stream's version afterwards, and how many events it appended (0: nothing to change).</summary>
public readonly record struct Written(long Version, int Appended)
{
    public bool Changed => Appended > 0;
}

public static class EventStreams
{
    private const int Attempts = 5;

    /// <summary>Enrols the session in Wolverine's outbox so scheduled messages commit, or not, with the events.</summary>
    public static async Task ScheduleAsync(IDocumentSession session, Decision decision, IMartenOutbox? outbox)
    {
        if (decision.Scheduled.Count == 0) return;
        if (outbox is null) throw new InvalidOperationException("This decision schedules messages; pass Wolverine's Marten outbox.");
        outbox.Enroll(session);
        foreach (var (message, at) in decision.Scheduled) await outbox.ScheduleAsync(message, at);
    }

    /// <summary>
    /// Loads a stream for writing, lets a pure decision run on its state, appends what it decided and
    /// commits, all in one transaction.
    /// Without an expected version the stream is locked while the decision runs, so simultaneous writers
    /// (twenty colleagues asking follow-ups at once) queue up instead of failing. With an expected version
    /// — the version the member was looking at — a stream that moved since is refused with a 409, never
    /// silently overwritten.
    /// </summary>
    public static Task<Outcome<Written>> DecideAsync<T>(
        IDocumentStore store, Guid streamId, long? expectedVersion, Func<T, Decision> decide, string notFound,
        CancellationToken ct, IMartenOutbox? outbox = null) where T : class =>
        WriteAsync<T>(store, streamId, expectedVersion, aggregate => aggregate is null ? Problem.NotFound(notFound) : decide(aggregate), ct, outbox);

    /// <summary>
    /// A stream that may not exist yet: the decision sees null and its events start the stream. Two
    /// writers starting the same stream at once collide on its id; the later one decides again.
    /// </summary>
    public static Task<Outcome<Written>> DecideOrStartAsync<T>(IDocumentStore store, Guid streamId, Func<T?, Decision> decide, CancellationToken ct) where T : class =>
        WriteAsync(store, streamId, null, decide, ct, null);

    private static async Task<Outcome<Written>> WriteAsync<T>(
        IDocumentStore store, Guid streamId, long? expectedVersion, Func<T?, Decision> decide, CancellationToken ct, IMartenOutbox? outbox) where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            try
            {
                var stream = expectedVersion is { } expected
                    ? await session.Events.FetchForWriting<T>(streamId, expected, ct)
                    : await session.Events.FetchForExclusiveWriting<T>(streamId, ct);

                var decision = decide(stream.Aggregate);
                if (decision.Refusal is { } refusal) return refusal;

                stream.AppendMany(decision.Events);
                await ScheduleAsync(session, decision, outbox);
                if (decision.Events.Count > 0) await session.SaveChangesAsync(ct);
                return new Written((stream.StartingVersion ?? 0) + decision.Events.Count, decision.Events.Count);
            }
            catch (ConcurrencyException) when (expectedVersion is not null)
            {
                return Problem.Conflict(
                    "Dit is intussen door iemand anders gewijzigd. Bekijk de nieuwste versie en probeer het opnieuw; je tekst is bewaard.",
                    "expectedVersion");
            }
            catch (Exception e) when (IsRace(e) && attempt < Attempts)
            {
                // Only a stream being created at this very moment gets here; decide again on what it holds now.
                await Task.Delay(Random.Shared.Next(5, 25 * attempt), ct);
            }
            catch (Exception e) when (IsRace(e))
            {
                return Problem.Conflict("Het is nu heel druk op deze vraag. Probeer het over een paar tellen opnieuw.");
            }
        }
    }

    /// <summary>The write lost a race: the stream moved, or a stream with the same id was started first.</summary>
    public static bool IsRace(Exception e) =>
        e is ConcurrencyException or JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException;

    /// <summary>
    /// Two streams decided on and written in one transaction, both locked: the first always before the
    /// second. Every two-stream write here locks the coalition first, so none can deadlock another.
    /// The decision sees either aggregate as null when its stream does not exist, and says which of its
    /// events go to the first stream; the rest go to the second.
    /// </summary>
    public static async Task<Outcome<(Written First, Written Second)>> DecideAsync<TFirst, TSecond>(
        IDocumentStore store, Guid firstId, Guid secondId, Func<TFirst?, TSecond?, Decision> decide, Func<object, bool> belongsToFirst,
        CancellationToken ct) where TFirst : class where TSecond : class
    {
        await using var session = store.LightweightSession();
        var first = await session.Events.FetchForExclusiveWriting<TFirst>(firstId, ct);
        var second = await session.Events.FetchForExclusiveWriting<TSecond>(secondId, ct);

        var decision = decide(first.Aggregate, second.Aggregate);
        if (decision.Refusal is { } refusal) return refusal;
        var firstEvents = decision.Events.Where(belongsToFirst).ToList();
        var secondEvents = decision.Events.Where(e => !belongsToFirst(e)).ToList();
        if (firstEvents.Count > 0) first.AppendMany(firstEvents);
        if (secondEvents.Count > 0) second.AppendMany(secondEvents);
        if (decision.Events.Count > 0) await session.SaveChangesAsync(ct);
        return (new Written((first.StartingVersion ?? 0) + firstEvents.Count, firstEvents.Count),
            new Written((second.StartingVersion ?? 0) + secondEvents.Count, secondEvents.Count));
    }
}
