using JasperFx;
using Marten;

namespace HetInitiatief.Infrastructure;

public static class EventStreams
{
    /// <summary>
    /// Loads a stream for writing, lets a pure decision run on its state, appends what it decided and
    /// commits, all in one transaction. When another writer moved the stream in between, the decision
    /// is simply taken again on the new state — unless the caller named the version their decision was
    /// based on: then the command is stale and is refused with a 409, never silently applied.
    /// </summary>
    public static async Task<Outcome<long>> DecideAsync<T>(
        IDocumentStore store, Guid streamId, long? expectedVersion, Func<T, Decision> decide, string notFound,
        CancellationToken ct) where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            try
            {
                var stream = expectedVersion is { } expected
                    ? await session.Events.FetchForWriting<T>(streamId, expected, ct)
                    : await session.Events.FetchForWriting<T>(streamId, ct);
                if (stream.Aggregate is null) return Problem.NotFound(notFound);

                var decision = decide(stream.Aggregate);
                if (decision.Refusal is { } refusal) return refusal;

                stream.AppendMany(decision.Events);
                await session.SaveChangesAsync(ct);
                var version = (stream.StartingVersion ?? 0) + decision.Events.Count;
                return version;
            }
            catch (ConcurrencyException) when (expectedVersion is null && attempt < 5)
            {
                // Someone else appended first: decide again on the state they left behind.
            }
            catch (ConcurrencyException) when (expectedVersion is not null)
            {
                return Problem.Conflict(
                    "Dit is intussen door iemand anders gewijzigd. Bekijk de nieuwste versie en probeer het opnieuw; je tekst is bewaard.",
                    "expectedVersion");
            }
        }
    }
}
