using JasperFx;

namespace HetInitiatief.Infrastructure;

/// <summary>What a write did: the stream's version afterwards, and how many events it appended (0: nothing changed).</summary>
public readonly record struct Written(long Version, int Appended)
{
    public bool Changed => Appended > 0;
}

public static class EventStreams
{
    private const int Attempts = 5;

    /// <summary>The answer when a stream with a brand-new id exists already: only a programming error gets here.</summary>
    public static readonly Problem AlreadyThere =
        Problem.Conflict("Dit bestaat al. Laad de pagina opnieuw en probeer het nog eens.");

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
        CancellationToken ct) where T : class =>
        WriteAsync<T>(store, streamId, expectedVersion,
            aggregate => aggregate is null ? Problem.NotFound(notFound) : decide(aggregate), ct);

    /// <summary>
    /// A stream that may not exist yet: the decision sees null and its events start the stream. Two
    /// writers starting the same stream at once collide on its id; the later one decides again.
    /// </summary>
    public static Task<Outcome<Written>> DecideOrStartAsync<T>(
        IDocumentStore store, Guid streamId, Func<T?, Decision> decide, CancellationToken ct) where T : class =>
        WriteAsync(store, streamId, null, decide, ct);

    private static async Task<Outcome<Written>> WriteAsync<T>(
        IDocumentStore store, Guid streamId, long? expectedVersion, Func<T?, Decision> decide, CancellationToken ct)
        where T : class
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
        e is ConcurrencyException or JasperFx.Events.ExistingStreamIdCollisionException
            or Marten.Exceptions.ExistingStreamIdCollisionException;

    /// <summary>
    /// Starts a new stream with what a decision made, and commits it with whatever else the use case put in the
    /// session (a login document, an accepted invite), in one transaction: the session the use case read with, so
    /// the decision saw what the write commits with. A stream — or a document inserted with it — that exists already
    /// means someone was first (a second coalition for one question, a form sent twice, an address registered
    /// twice): the write is undone and <paramref name="alreadyThere"/> is the answer.
    /// </summary>
    public static async Task<Outcome<Written>> StartAsync<T>(
        IDocumentSession session, Guid streamId, Decision decision, Problem alreadyThere, CancellationToken ct)
        where T : class
    {
        if (decision.Refusal is { } refusal) return refusal;
        session.Events.StartStream<T>(streamId, [.. decision.Events]);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (IsRace(e) || IsDuplicate(e))
        {
            return alreadyThere;
        }
        return new Written(decision.Events.Count, decision.Events.Count);
    }

    private static bool IsDuplicate(Exception e) =>
        e is DocumentAlreadyExistsException
        || e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }
        || e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// Two streams decided on and written in one transaction, both locked: the first always before the
    /// second. Every two-stream write here locks the coalition first, so none can deadlock another.
    /// The decision sees either aggregate as null when its stream does not exist, and puts each event on its stream.
    /// </summary>
    public static async Task<Outcome<(Written First, Written Second)>> DecideAsync<TFirst, TSecond>(
        IDocumentStore store, Guid firstId, Guid secondId, Func<TFirst?, TSecond?, TwoStreamDecision> decide,
        CancellationToken ct) where TFirst : class where TSecond : class
    {
        await using var session = store.LightweightSession();
        return await DecideAsync(session, firstId, secondId, decide, ct);
    }

    /// <summary>
    /// The same in the session the use case read with, committing whatever else it stored there (a used link) with
    /// the events; a refusal commits nothing.
    /// </summary>
    public static async Task<Outcome<(Written First, Written Second)>> DecideAsync<TFirst, TSecond>(
        IDocumentSession session, Guid firstId, Guid secondId, Func<TFirst?, TSecond?, TwoStreamDecision> decide,
        CancellationToken ct) where TFirst : class where TSecond : class
    {
        var first = await session.Events.FetchForExclusiveWriting<TFirst>(firstId, ct);
        var second = await session.Events.FetchForExclusiveWriting<TSecond>(secondId, ct);

        var decision = decide(first.Aggregate, second.Aggregate);
        if (decision.Refusal is { } refusal) return refusal;
        var (toFirst, toSecond) = (decision.First, decision.Second);
        if (toFirst.Count > 0) first.AppendMany(toFirst);
        if (toSecond.Count > 0) second.AppendMany(toSecond);
        await session.SaveChangesAsync(ct);
        return (new Written((first.StartingVersion ?? 0) + toFirst.Count, toFirst.Count),
            new Written((second.StartingVersion ?? 0) + toSecond.Count, toSecond.Count));
    }
}
