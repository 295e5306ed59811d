using System.Net.Sockets;
using Npgsql;

namespace HetInitiatief.Infrastructure;

/// <summary>Tells a database that is briefly away (restarting, unreachable, refusing connections) from a real error.</summary>
public static class DatabaseFailures
{
    /// <summary>
    /// True when the failure, or anything it wraps, says PostgreSQL could not be reached or ended the connection:
    /// worth trying again once it is back. Errors in a statement itself (a constraint, bad input) are not.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsUnavailable)) return true;
            if (e is PostgresException postgres)
            {
                // 57P01-03: the server is shutting down or starting; 08: the connection failed; 53300: too many clients.
                if (postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) ||
                    postgres.SqlState.StartsWith("08", StringComparison.Ordinal) ||
                    postgres.SqlState == PostgresErrorCodes.TooManyConnections) return true;
                continue;
            }
            if (e is NpgsqlException { IsTransient: true } or SocketException or TimeoutException) return true;
            // A connection the server dropped mid-transaction leaves Npgsql's transaction or connector disposed or broken.
            if (e is ObjectDisposedException { ObjectName: { } name } && name.StartsWith("Npgsql", StringComparison.Ordinal)) return true;
            if (e is InvalidOperationException && e.Source == "Npgsql" && e.Message.Contains("connection", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
