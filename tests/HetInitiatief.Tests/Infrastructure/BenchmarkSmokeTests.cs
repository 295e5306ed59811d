using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// The benchmark is not part of the test run (it needs a quiet machine and minutes), but its smoke run is: given a fresh
/// checkout, when <c>ops/bench.sh --quick</c> runs, then it completes and prints the one table with a row for every
/// measurement, and leaves docs/performance.md alone (only a full run writes it).
/// </summary>
public sealed class BenchmarkSmokeTests
{
    private static readonly string RepositoryRoot =
        Path.GetFullPath(Path.Combine(AppProcess.WebProjectDirectory, "..", ".."));

    /// <summary>The start of every row the table must have, one per measurement of issue 16.</summary>
    private static readonly string[] Rows =
    [
        "| POST /api/questions, concurrency 1",
        "| POST /api/questions, concurrency 4",
        "| POST /api/questions, concurrency 16",
        "| joins and leaves on one coalition, N = 2",
        "| joins and leaves on one coalition, N = 8",
        "| joins and leaves on one coalition, N = 32",
        "| sign-ups: ",
        "| push latency, 20 posts/s, one board watcher",
        "| push latency p99, 20 posts/s, ",
        "| broadcast latency p99, ",
        "| app memory per 1,000 board connections",
        "| board page `/vragen` p95 at ",
        "| question page `/vragen/{id}` (longest question stream) p95 at ",
        "| radar page `/moderatie` p95 at ",
        "| health dashboard `/moderatie/gezondheid` p95 at ",
        "| werkplek `/werkplek` p95 at ",
        "| board page `/vragen`: p95 at ",
        "| rebuild of every projection from ",
        "| rebuild peak memory",
        "| app peak memory",
    ];

    [Fact]
    public async Task The_quick_benchmark_completes_and_prints_the_table_without_touching_the_docs()
    {
        var docs = Path.Combine(RepositoryRoot, "docs", "performance.md");
        var docsBefore = Hash(docs);

        var (exitCode, output) = await RunAsync("ops/bench.sh", "--quick");

        exitCode.ShouldBe(0, output);
        output.ShouldContain("| measurement | raw baseline | app | app / raw | target | met |", Case.Sensitive, output);
        foreach (var row in Rows) output.ShouldContain(row, Case.Sensitive, $"no row starting {row}:\n{output}");
        output.ShouldMatch(@"\d+ of \d+ rows met\.");
        output.ShouldContain("QUICK (smoke run, figures mean nothing)");
        Hash(docs).ShouldBe(docsBefore, "only a full run writes docs/performance.md");
    }

    private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));

    private static async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot, script), .. args])
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var output = new StringBuilder();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // The Release build is most of it; the quick run itself takes under two minutes.
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(12));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        process.WaitForExit();
        lock (output) return (process.ExitCode, output.ToString());
    }
}
