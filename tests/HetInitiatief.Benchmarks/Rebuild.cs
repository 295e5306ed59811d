using System.Diagnostics;
using Npgsql;

namespace HetInitiatief.Benchmarks;

/// <summary>
/// Issue 16's rebuild: every projection rebuilt from the seeded events by the app's own <c>projections rebuild</c>
/// command, as its own Production process (wall time from process start to exit, so the host's start-up is in it; its
/// peak memory is its VmHWM, sampled every 100 ms). Compared with two ceilings measured on the same database:
/// <list type="bullet">
/// <item>read ceiling: plain Npgsql streaming every event row (<c>select … data from mt_events order by seq_id</c>,
/// reading the JSON as text, no deserialising) — events/s;</item>
/// <item>write ceiling: binary COPY of the documents the rebuild wrote (every non-empty projected <c>mt_doc_*</c> table,
/// exported first, then timed while copied into an empty copy of its table with the same indexes) — expressed as
/// events/s equivalent: the events the rebuild read divided by the seconds the COPY of all its output took, i.e. how
/// fast a rebuild could go if writing its documents were all it did. Rows/s is in the notes.</item>
/// </list>
/// Target: the rebuild's events/s ≥ 0.3 × the lower ceiling; its peak memory ≤ 1 GB.
/// </summary>
public static class Rebuild
{
    public sealed record CommandRun(double Seconds, double PeakMegabytes, string Output);

    /// <summary>The projected documents (snapshots and event projections): what a rebuild writes.</summary>
    private static readonly string[] ProjectedTables =
    [
        "mt_doc_memberprofile", "mt_doc_questiondetails", "mt_doc_questionboarditem", "mt_doc_coalitiondetails",
        "mt_doc_coalition", "mt_doc_initiativetimeline", "mt_doc_healthfact", "mt_doc_match", "mt_doc_networkstate",
        "mt_doc_session", "mt_doc_proposal", "mt_doc_invite", "mt_doc_radaritemlog", "mt_doc_contentmoderation",
        "mt_doc_paidmembership", "mt_doc_productdetails",
    ];

    public static async Task<CommandRun> RunCommandAsync(string connectionString, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(AppUnderTest.Command(connectionString, "projections", "rebuild"))
                            ?? throw new InvalidOperationException("Could not run projections rebuild");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var peak = 0.0;
        while (!process.HasExited)
        {
            var now = AppUnderTest.PeakMemoryMegabytes(process.Id);
            if (double.IsFinite(now)) peak = Math.Max(peak, now);
            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(100));
        }
        await process.WaitForExitAsync();
        clock.Stop();
        var text = await output + await errors;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"projections rebuild failed ({process.ExitCode}): {text}");
        return new CommandRun(clock.Elapsed.TotalSeconds, peak, text);
    }

    public sealed record Result(long Events, CommandRun Run, double ReadPerSecond, double WritePerSecond, long DocumentRows,
        double CopySeconds)
    {
        public double RebuildPerSecond => Events / Run.Seconds;
        public double Ceiling => Math.Min(ReadPerSecond, WritePerSecond);
    }

    /// <summary>Measures on <paramref name="connectionString"/>'s database (a copy of the seeded template: it is rewritten).</summary>
    public static async Task<Result> MeasureAsync(string connectionString, Action<string> log)
    {
        await using var dataSource = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        var events = (long)(await Scalar(dataSource, "select count(*) from het_initiatief.mt_events"))!;

        log($"rebuild: projections rebuild of {events:N0} events…");
        var run = await RunCommandAsync(connectionString, log);
        log($"rebuild: {run.Seconds:F1} s, {events / run.Seconds:F0} events/s, peak {run.PeakMegabytes:F0} MB");

        var read = await ReadCeilingAsync(dataSource, events);
        log($"rebuild: read ceiling {read:F0} events/s");
        var (rows, copySeconds) = await WriteCeilingAsync(dataSource);
        var write = events / copySeconds;
        log($"rebuild: write ceiling {rows:N0} document rows in {copySeconds:F1} s = {write:F0} events/s equivalent");
        return new Result(events, run, read, write, rows, copySeconds);
    }

    public static IEnumerable<BenchRow> Rows(Result result, SeedSize size)
    {
        var ratio = result.RebuildPerSecond / result.Ceiling;
        var lower = result.ReadPerSecond <= result.WritePerSecond ? "read" : "write";
        yield return new BenchRow(
            $"rebuild of every projection from {result.Events:N0} events ({size.Name}; `projections rebuild` as its own process)",
            $"{BenchRow.PerSecond(result.Ceiling, "events")} ({lower} ceiling)",
            BenchRow.PerSecond(result.RebuildPerSecond, "events"), BenchRow.Times(ratio), "≥ 0.30× the lower ceiling",
            ratio >= 0.3,
            $"wall {result.Run.Seconds:F1} s incl. host start; read ceiling {result.ReadPerSecond:F0} events/s (Npgsql streaming " +
            $"mt_events); write ceiling {result.WritePerSecond:F0} events/s equivalent = binary COPY of the {result.DocumentRows:N0} " +
            $"projected document rows in {result.CopySeconds:F1} s ({result.DocumentRows / result.CopySeconds:F0} rows/s)");
        yield return new BenchRow($"rebuild peak memory (VmHWM of the rebuild process, {size.Name})", "",
            $"{result.Run.PeakMegabytes:F0} MB", "", "≤ 1024 MB", result.Run.PeakMegabytes <= 1024);
    }

    private static async Task<double> ReadCeilingAsync(NpgsqlDataSource dataSource, long events)
    {
        // Twice: the first read warms the cache as the rebuild's own read did; the second is timed.
        double seconds = 0;
        for (var round = 0; round < 2; round++)
        {
            var clock = Stopwatch.StartNew();
            await using var command = dataSource.CreateCommand(
                "select seq_id, id, stream_id, version, type, timestamp, data from het_initiatief.mt_events order by seq_id");
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess);
            long read = 0, length = 0;
            while (await reader.ReadAsync())
            {
                reader.GetInt64(0);
                reader.GetGuid(1);
                reader.GetGuid(2);
                reader.GetInt64(3);
                reader.GetString(4);
                reader.GetFieldValue<DateTimeOffset>(5);
                length += reader.GetString(6).Length;
                read++;
            }
            seconds = clock.Elapsed.TotalSeconds;
            if (read != events) throw new InvalidOperationException($"read {read} events, expected {events}");
        }
        return events / seconds;
    }

    private static async Task<(long Rows, double Seconds)> WriteCeilingAsync(NpgsqlDataSource dataSource)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"het-initiatief-bench-copy-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var tables = new List<(string Table, long Rows)>();
            foreach (var table in ProjectedTables)
            {
                var exists = await Scalar(dataSource, $"select to_regclass('het_initiatief.{table}') is not null");
                if (exists is not true) continue;
                var rows = (long)(await Scalar(dataSource, $"select count(*) from het_initiatief.{table}"))!;
                if (rows > 0) tables.Add((table, rows));
            }

            await using var connection = await dataSource.OpenConnectionAsync();
            foreach (var (table, _) in tables)
            {
                await Execute(connection, $"drop table if exists het_initiatief.bench_copy_{table}");
                await Execute(connection, $"create table het_initiatief.bench_copy_{table} (like het_initiatief.{table} including all)");
                await using var file = File.Create(Path.Combine(folder, table));
                await using (var export = await connection.BeginRawBinaryCopyAsync($"copy het_initiatief.{table} to stdout (format binary)"))
                    await export.CopyToAsync(file);
            }
            await Execute(connection, "checkpoint");

            var clock = Stopwatch.StartNew();
            foreach (var (table, _) in tables)
            {
                await using var file = File.OpenRead(Path.Combine(folder, table));
                await using (var import = await connection.BeginRawBinaryCopyAsync($"copy het_initiatief.bench_copy_{table} from stdin (format binary)"))
                    await file.CopyToAsync(import);
            }
            clock.Stop();
            foreach (var (table, _) in tables) await Execute(connection, $"drop table het_initiatief.bench_copy_{table}");
            return (tables.Sum(t => t.Rows), clock.Elapsed.TotalSeconds);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<object?> Scalar(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
