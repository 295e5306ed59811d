using Npgsql;

namespace HetInitiatief.Infrastructure;

/// <summary>Which database failures a message is worth retrying for.</summary>
public static class DatabaseFailures
{
    /// <summary>
    /// True when PostgreSQL could not be reached (<see cref="DatabaseOutage.IsOutage"/>), and also when it was only
    /// busy: a timeout, too many connections, a connection it dropped mid-transaction. A request answers those at once
    /// (503 or 500); a message can simply wait and try again. Errors in a statement itself (a constraint, bad input)
    /// are not worth a retry.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        if (DatabaseOutage.IsOutage(exception)) return true;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate) return aggregate.InnerExceptions.Any(IsUnavailable);
            if (e is PostgresException postgres) return postgres.SqlState == PostgresErrorCodes.TooManyConnections;
            if (e is NpgsqlException { IsTransient: true } or TimeoutException) return true;
            // A connection the server dropped mid-transaction leaves Npgsql's transaction or connector disposed.
            if (e is ObjectDisposedException { ObjectName: { } name } && name.StartsWith("Npgsql", StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
