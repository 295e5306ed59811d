using System.Diagnostics;
using HetInitiatief.Infrastructure;

namespace HetInitiatief.Benchmarks;

/// <summary>
/// Issue 16's large data set: the read pages at 5,000 members / 20,000 questions / 2,000 coalitions / 1,000,000 events
/// (and at ten times less, to see whether cost grows with history), and the rebuild of every projection from the million
/// events. One call from Program.cs: <c>await LargeData.RunAsync(options, report);</c> (part name <c>large-data</c>).
/// It starts its own PostgreSQL on the cached cluster (<see cref="Seed.DataDirectory"/>; fsync on, as everywhere in the
/// benchmark), seeds what is missing, and measures on fresh copies of the seeded databases.
/// </summary>
public static class LargeData
{
    public const string Part = "large-data";

    public static async Task RunAsync(BenchOptions options, Report report, Action<string>? log = null)
    {
        if (!options.Runs(Part)) return;
        log ??= line => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");
        var (fullSize, smallSize) = options.Quick ? (SeedSize.QuickFull, SeedSize.QuickSmall) : (SeedSize.Full, SeedSize.Small);

        var directory = Seed.DataDirectory();
        log($"large data: PostgreSQL cluster {directory}");
        var clock = Stopwatch.StartNew();
        await using var postgres = await LocalPostgres.StartAsync(directory);
        try
        {
            // BENCH_STATEMENTS=1: pg_stat_statements in this cluster, and the top statements of each full-size page printed.
            if (Statements.Wanted) await Statements.EnableAsync(postgres);
            var small = await Seed.EnsureAsync(postgres, smallSize, log);
            var full = await Seed.EnsureAsync(postgres, fullSize, log);
            report.Note($"Large data set ({full.Size.Name}): {full.Events:N0} events in {full.Streams:N0} streams, " +
                        $"{full.Size.Members:N0} members, {full.Size.Questions:N0} questions, {full.Size.Coalitions:N0} coalitions; " +
                        (full.FromCache
                            ? $"taken from the cache (seeded once in {full.SeedSeconds:F0} s: append {full.AppendSeconds:F0} s, read models {full.RebuildSeconds:F0} s)."
                            : $"seeded in this run in {full.SeedSeconds:F0} s (append {full.AppendSeconds:F0} s, read models {full.RebuildSeconds:F0} s)."));

            var smallPages = await MeasurePagesAsync(postgres, small, options, log);
            var fullPages = await MeasurePagesAsync(postgres, full, options, log);
            report.Add(ReadPages.Rows(fullPages, smallPages, full, small));

            var copy = await Seed.CopyAsync(postgres, full, "bench_rebuild");
            try
            {
                var rebuild = await Rebuild.MeasureAsync(copy, log);
                report.Add(Rebuild.Rows(rebuild, full.Size));
            }
            finally
            {
                await Seed.DropAsync(postgres, "bench_rebuild");
            }
            log($"large data: done in {clock.Elapsed.TotalSeconds:F0} s");
        }
        finally
        {
            await postgres.StopAsync();
        }
    }

    private static async Task<List<ReadPages.Measured>> MeasurePagesAsync(
        LocalPostgres postgres, Seeded seeded, BenchOptions options, Action<string> log)
    {
        var name = $"bench_read_{seeded.Size.Name.Replace('-', '_')}";
        var copy = await Seed.CopyAsync(postgres, seeded, name);
        var mail = Path.Combine(Path.GetTempPath(), $"het-initiatief-bench-mail-{Guid.NewGuid():N}");
        var started = Stopwatch.StartNew();
        using var app = AppUnderTest.StartApp(copy, mail, out var baseAddress);
        try
        {
            using (var http = new HttpClient { BaseAddress = baseAddress })
                await AppUnderTest.WaitUntilReadyAsync(http, app: app);
            log($"read {seeded.Size.Name}: app ready in {started.Elapsed.TotalSeconds:F1} s");
            return await ReadPages.MeasureAsync(baseAddress, copy, seeded, options, log);
        }
        finally
        {
            await AppUnderTest.StopAsync(app);
            await Seed.DropAsync(postgres, name);
            if (Directory.Exists(mail)) Directory.Delete(mail, recursive: true);
        }
    }
}
