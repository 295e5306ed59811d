using System.Net.Sockets;
using Npgsql;

namespace HetInitiatief.Infrastructure;

/// <summary>
/// PostgreSQL stopped answering: every request that needs it fails the same way until it is back. That is one event
/// for whoever runs the platform, so it is logged once — a warning when it starts and an information when PostgreSQL
/// answers again — instead of an unhandled exception for every request in between; members get a Dutch 503.
/// </summary>
public sealed class DatabaseOutage(NpgsqlDataSource dataSource, ILogger<DatabaseOutage> logger, IHostApplicationLifetime lifetime, TimeProvider clock)
{
    /// <summary>How often PostgreSQL is asked whether it is back; also what a refused request is told to wait.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(5);

    private int _down;

    public bool IsDown => Volatile.Read(ref _down) == 1;

    /// <summary>
    /// Whether the exception says PostgreSQL cannot be reached: a connection refused or broken, a server shutting down
    /// or starting up. Not a statement it refused, and not a timeout: a statement waiting for a lock under load, or an
    /// exhausted pool, is a busy server, not a missing one.
    /// </summary>
    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.SqlState is "57P01" or "57P02" or "57P03" || postgres.SqlState.StartsWith("08", StringComparison.Ordinal);
                case NpgsqlException { InnerException: SocketException or EndOfStreamException }:
                case NpgsqlException { InnerException: IOException { InnerException: SocketException } }:
                    return true;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(IsOutage);
            }
        }
        return false;
    }

    /// <summary>A request failed because PostgreSQL is unreachable; the first one since it was last up starts the outage.</summary>
    public void Report(Exception exception)
    {
        if (Interlocked.CompareExchange(ref _down, 1, 0) != 0) return;
        var since = clock.GetUtcNow();
        logger.LogWarning("PostgreSQL is unreachable ({Reason}); requests that need it are answered 503 until it is back",
            exception.GetBaseException().Message);
        _ = WatchAsync(since, lifetime.ApplicationStopping);
    }

    private async Task WatchAsync(DateTimeOffset since, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ProbeInterval, clock, stopping);
                // Idle pooled connections from before the outage are dead once PostgreSQL restarted; each would fail one
                // probe in turn. Dropping them makes the probe ask the server as it is now.
                dataSource.Clear();
                await using var command = dataSource.CreateCommand("select 1");
                await command.ExecuteScalarAsync(stopping);
                Volatile.Write(ref _down, 0);
                logger.LogInformation("PostgreSQL answers again; the outage lasted {Duration}", clock.GetUtcNow() - since);
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception)
            {
                // Still down, or still starting (which can fail in other ways than an outage): ask again after the next
                // interval. A watcher that gave up here would leave the outage open, and its end never logged.
            }
        }
    }
}
