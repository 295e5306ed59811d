using System.Text.RegularExpressions;
using HetInitiatief.Infrastructure;
using Npgsql;

namespace HetInitiatief.Benchmarks;

/// <summary>
/// PostgreSQL's own account of where its time went (<c>pg_stat_statements</c>), for finding what a write path costs:
/// on with <c>BENCH_STATEMENTS=1</c>, since the extension must be loaded at server start and adds a little to every
/// statement (to the raw baseline's as much as to the app's).
/// </summary>
public static class Statements
{
    public static bool Wanted => Environment.GetEnvironmentVariable("BENCH_STATEMENTS") == "1";

    /// <summary>Loads the extension into the benchmark's server: a restart, then the extension in its database.</summary>
    public static async Task EnableAsync(LocalPostgres postgres)
    {
        await using (var connection = new NpgsqlConnection(Admin(postgres)))
        {
            await connection.OpenAsync();
            await Execute(connection, "alter system set shared_preload_libraries = 'pg_stat_statements'");
        }
        await postgres.RestartAsync();
        await using var again = new NpgsqlConnection(Admin(postgres));
        await again.OpenAsync();
        await Execute(again, "create extension if not exists pg_stat_statements");
    }

    public static async Task ResetAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("select pg_stat_statements_reset()");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Prints the statements that took the most time since the reset, with calls per operation.</summary>
    public static async Task PrintTopAsync(NpgsqlDataSource dataSource, double operations, int top = 15)
    {
        await using var command = dataSource.CreateCommand($"""
            select calls, total_exec_time, mean_exec_time, rows,
                   total_exec_time / nullif(sum(total_exec_time) over (), 0) as share, query
            from pg_stat_statements
            where dbid = (select oid from pg_database where datname = current_database())
            order by total_exec_time desc
            limit {top}
            """);
        await using var reader = await command.ExecuteReaderAsync();
        Console.WriteLine();
        Console.WriteLine($"| statement (pg_stat_statements, top {top} by total time) | calls | calls per operation | mean ms | total ms | share | rows |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        while (await reader.ReadAsync())
        {
            var calls = reader.GetInt64(0);
            var text = Regex.Replace(reader.GetString(5), @"\s+", " ");
            if (text.Length > 140) text = text[..140] + "…";
            Console.WriteLine($"| `{text.Replace("|", "\\|")}` | {calls} | {calls / operations:F2} | {reader.GetDouble(2):F3} | " +
                              $"{reader.GetDouble(1):F0} | {(reader.IsDBNull(4) ? 0 : reader.GetDouble(4)):P1} | {reader.GetInt64(3)} |");
        }
    }

    private static string Admin(LocalPostgres postgres) =>
        new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Pooling = false }.ConnectionString;

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
