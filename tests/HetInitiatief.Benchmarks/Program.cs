using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using HetInitiatief.Benchmarks;
using HetInitiatief.Infrastructure;
using Npgsql;

// Measures, in one run, each against raw baselines run in the same process: POST /api/questions end to end at
// concurrency 1/4/16, coalition joins, session sign-ups, push latency, and the app's peak memory; prints one table
// (Report.cs) and, after a full run of every part, writes it into docs/performance.md.
// Arguments: [--quick] [seconds per measurement, default 5] [one part: questions, joins, sign-ups, pushes]; or `cluster`, which
// measures one node against three behind nginx instead (ClusterBench.cs). --quick is the smoke run (BenchOptions).
var quick = args.Contains("--quick");
var positional = args.Where(a => a != "--quick").ToArray();
var seconds = quick ? 1 : positional.Length > 0 && int.TryParse(positional[0], out var s) ? s : 5;
var only = positional.Length > 1 ? positional[1] : null;
bool Runs(string part) => only is null || only == part;
var duration = TimeSpan.FromSeconds(seconds);
string Metadata(string key) => typeof(RawBaseline).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
var repositoryRoot = Path.GetFullPath(Path.Combine(Metadata("WebProjectDirectory"), "..", ".."));
var options = new BenchOptions(quick, duration, only, repositoryRoot);
var report = new Report($"Het Initiatief benchmark · {DateTime.UtcNow:yyyy-MM-dd} · {Environment.ProcessorCount} cores · " +
                        $"PostgreSQL 15 on loopback, fsync on · {seconds} s per measurement{(quick ? " · QUICK (smoke run, figures mean nothing)" : "")}");
if (only == "cluster")
{
    // Its own run: one node and three behind nginx, each on a fresh PostgreSQL (ClusterBench.cs).
    await ClusterBench.RunAsync(duration, Metadata("WebAssembly"), repositoryRoot);
    return;
}

if (only == LargeData.Part)
{
    await LargeData.RunAsync(options, report);
    Console.WriteLine();
    Console.WriteLine(report.ToMarkdown());
    return;
}

var dataDirectory = Path.Combine(Path.GetTempPath(), $"het-initiatief-bench-{Guid.NewGuid():N}");
await using var postgres = await LocalPostgres.StartAsync(dataDirectory);
if (Statements.Wanted) await Statements.EnableAsync(postgres);
var postmaster = Cpu.Postmaster(dataDirectory);
// The baseline gets the same connection settings as the app, so the ratio compares the work, not the pool.
await using var dataSource = NpgsqlDataSource.Create(Database.Tuned(postgres.ConnectionString));
var raw = new RawBaseline(dataSource);
await raw.PrepareAsync();
var mail = new ConfirmationMail(dataDirectory + "-mail");

// As a deploy does: Production changes no schema itself (docs/operations.md).
await AppUnderTest.ApplySchemaAsync(postgres.ConnectionString);
var startUp = Stopwatch.StartNew();
using var app = AppUnderTest.StartApp(postgres.ConnectionString, mail.Folder, out var baseAddress);
using var http = new HttpClient { BaseAddress = baseAddress };
try
{
    await AppUnderTest.WaitUntilReadyAsync(http, app: app);
    startUp.Stop();
    var peakAfterStartUp = AppUnderTest.PeakMemoryMegabytes(app.Id);
    var token = await BenchApi.RegisterAsync(http, mail);
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    Console.WriteLine("Warming up…");
    await Load.ThroughputAsync(4, TimeSpan.FromSeconds(quick ? 1 : 3), () => BenchApi.PostQuestionAsync(http));
    await Load.ThroughputAsync(4, TimeSpan.FromSeconds(1), raw.InsertQuestionAsync);

    if (Statements.Wanted) await Statements.ResetAsync(dataSource);
    var posted = 0.0;
    var rows = new List<(int Concurrency, double Raw, double App, double RawDbCpu, double RawClientCpu, double AppCpu, double AppDbCpu, double AppClientCpu)>();
    foreach (var concurrency in Runs("questions") ? new[] { 1, 4, 16 } : [])
    {
        var rawCpu = Cpu.Snapshot(app, postmaster);
        var rawRate = await Load.ThroughputAsync(concurrency, duration, raw.InsertQuestionAsync);
        var rawUsed = Cpu.Snapshot(app, postmaster) - rawCpu;
        var appCpu = Cpu.Snapshot(app, postmaster);
        var appRate = await Load.ThroughputAsync(concurrency, duration, () => BenchApi.PostQuestionAsync(http));
        var appUsed = Cpu.Snapshot(app, postmaster) - appCpu;
        var rawOps = rawRate * duration.TotalSeconds;
        var appOps = appRate * duration.TotalSeconds;
        posted += appOps;
        rows.Add((concurrency, rawRate, appRate, rawUsed.PostgresMs / rawOps, rawUsed.ClientMs / rawOps, appUsed.AppMs / appOps, appUsed.PostgresMs / appOps, appUsed.ClientMs / appOps));
    }

    if (Statements.Wanted && Runs("questions")) await Statements.PrintTopAsync(dataSource, posted);

    var latencies = Runs("questions")
        ? (await BenchApi.PushLatencyAsync(http, new Uri(baseAddress, "/hubs/live"), token, postsPerSecond: 20,
            TimeSpan.FromSeconds(quick ? 2 : Math.Max(10, seconds * 2)))).Ms
        : [];
    var peakAfterQuestions = AppUnderTest.PeakMemoryMegabytes(app.Id);

    var joins = new CoalitionJoins(new HttpClient { BaseAddress = baseAddress }, dataSource);
    await joins.PrepareRawAsync();
    var joinRows = new List<CoalitionJoins.Result>();
    if (Statements.Wanted && Runs("joins")) await Statements.ResetAsync(dataSource);
    foreach (var concurrency in Runs("joins") ? new[] { 2, 8, 32 } : [])
        joinRows.Add(await joins.RunAsync(concurrency, duration, async () => await RegisterMemberAsync(baseAddress, mail), token));
    if (Statements.Wanted && Runs("joins"))
        await Statements.PrintTopAsync(dataSource, joinRows.Sum(r => r.AppPerSecond * duration.TotalSeconds));

    var signUps = new SessionSignUps(new HttpClient { BaseAddress = baseAddress }, dataSource, () => Cpu.Snapshot(app, postmaster));
    await signUps.PrepareRawAsync();
    var signUpRows = new List<SessionSignUps.Result>();
    if (Runs("sign-ups"))
    {
        var count = options.Scaled(200, 20);
        var registered = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => RegisterMemberAsync(baseAddress, mail)));
        signUpRows.Add(await signUps.RunAsync($"{count} at once, 1 session of 20 seats", registered, sessions: 1, capacity: 20, signUpsPerMember: 1, token));
        if (Statements.Wanted) await Statements.ResetAsync(dataSource);
        signUpRows.Add(await signUps.RunAsync($"{count * 5:N0} over {count / 4} sessions of 20 seats", registered, sessions: count / 4, capacity: 20, signUpsPerMember: 5, token));
        if (Statements.Wanted) await Statements.PrintTopAsync(dataSource, count * 5);
    }

    var peakBeforePushes = AppUnderTest.PeakMemoryMegabytes(app.Id);
    var peakMegabytes = peakBeforePushes;

    Console.WriteLine();
    Console.WriteLine($"Het Initiatief benchmark · {Environment.ProcessorCount} cores · PostgreSQL on loopback, fsync on · {seconds} s per measurement");
    if (Runs("questions")) PrintQuestions();
    if (Runs("joins")) PrintJoins();
    if (Runs("sign-ups")) PrintSignUps();
    if (Runs("questions")) PrintPushes();
    Console.WriteLine();
    Console.WriteLine($"app start-up (process start → /health/ready 200): {startUp.Elapsed.TotalSeconds:F1} s · peak memory then {peakAfterStartUp:F0} MB");
    Console.WriteLine($"app peak memory (VmHWM) after the question and push measurements: {peakAfterQuestions:F0} MB");
    Console.WriteLine($"app peak memory (VmHWM) over the whole run, coalitions and sessions included: {peakMegabytes:F0} MB · target ≤ 300 MB {(peakMegabytes <= 300 ? "met" : "MISSED")}");
    report.Add(new BenchRow("app peak memory (VmHWM) over the write measurements, before the push fan-out", "",
        $"{peakBeforePushes:F0} MB", "", "≤ 300 MB", peakBeforePushes <= 300, $"{peakAfterStartUp:F0} MB after start-up, start-up {startUp.Elapsed.TotalSeconds:F1} s"));

    // Pushes to 1,000 and 5,000 watchers against a bare hub (PushFanOut.cs), after the write rows; its memory row is the
    // app's peak over the whole run, connections included.
    if (Runs("pushes")) await PushFanOut.RunAsync(options, report, baseAddress, app, token);

    void PrintQuestions()
    {
        Console.WriteLine();
        Console.WriteLine("| measurement | concurrency | raw Npgsql (ops/s) | app (ops/s) | app / raw | target |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        foreach (var row in rows)
        {
            Console.WriteLine($"| POST /api/questions vs raw insert | {row.Concurrency} | {row.Raw:F0} | {row.App:F0} | {row.App / row.Raw:F2}× | ≥ 0.50× {(row.App / row.Raw >= 0.5 ? "met" : "MISSED")} |");
            report.Add(new BenchRow($"POST /api/questions, concurrency {row.Concurrency}", BenchRow.PerSecond(row.Raw, "inserts"),
                BenchRow.PerSecond(row.App, "posts"), BenchRow.Times(row.App / row.Raw), "≥ 0.50×", row.App / row.Raw >= 0.5,
                $"CPU ms per op: raw PG {row.RawDbCpu:F2}; app PG {row.AppDbCpu:F2}, app {row.AppCpu:F2}"));
        }
        Console.WriteLine();
        Console.WriteLine("| ms of CPU per operation | concurrency | raw: PostgreSQL | raw: Npgsql client | app: PostgreSQL | app: app process | app: HTTP client |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
            Console.WriteLine($"| | {row.Concurrency} | {row.RawDbCpu:F2} | {row.RawClientCpu:F2} | {row.AppDbCpu:F2} | {row.AppCpu:F2} | {row.AppClientCpu:F2} |");
    }

    void PrintJoins()
    {
        Console.WriteLine();
        Console.WriteLine("| join/leave on one coalition | concurrency | raw SQL (changes/s) | app (changes/s) | app / raw | 409s | other failures | p50 | p99 | invariant |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in joinRows)
        {
            Console.WriteLine($"| | {row.Concurrency} | {row.RawPerSecond:F0} | {row.AppPerSecond:F0} | {row.AppPerSecond / row.RawPerSecond:F2}× | {row.Conflicts} | {row.Failures} | {row.P50:F1} ms | {row.P99:F1} ms | {(row.InvariantHolds ? "holds" : "VIOLATED")}: {row.Invariant} |");
            var ratio = row.AppPerSecond / row.RawPerSecond;
            var p99Met = row.Concurrency != 32 || row.P99 <= 250;
            report.Add(new BenchRow($"joins and leaves on one coalition, N = {row.Concurrency}",
                BenchRow.PerSecond(row.RawPerSecond, "changes"), BenchRow.PerSecond(row.AppPerSecond, "changes"),
                BenchRow.Times(ratio), row.Concurrency == 32 ? "≥ 0.50×; p99 ≤ 250 ms; invariant holds" : "≥ 0.50×; invariant holds",
                ratio >= 0.5 && p99Met && row.InvariantHolds && row.Failures == 0,
                $"p99 {row.P99:F0} ms; invariant {(row.InvariantHolds ? "holds" : "VIOLATED")}; {row.Failures} failures"));
        }
        var busiest = joinRows.MaxBy(r => r.Concurrency)!;
        Console.WriteLine($"targets: ≥ 0.50× raw {(joinRows.All(r => r.AppPerSecond / r.RawPerSecond >= 0.5) ? "met" : "MISSED")}, p99 ≤ 250 ms at {busiest.Concurrency} {(busiest.P99 <= 250 ? "met" : "MISSED")}, zero invariant violations {(joinRows.All(r => r.InvariantHolds) ? "met" : "MISSED")}");
    }

    void PrintSignUps()
    {
        Console.WriteLine();
        Console.WriteLine("| session sign-ups | requests | raw SQL (sign-ups/s) | app (sign-ups/s) | app / raw | 409s | other failures | p99 | invariant |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in signUpRows)
        {
            Console.WriteLine($"| {row.Scenario} | {row.Requests} | {row.RawPerSecond:F0} | {row.AppPerSecond:F0} | {row.AppPerSecond / row.RawPerSecond:F2}× | {row.Conflicts} | {row.Failures} | {row.P99:F0} ms | {(row.InvariantHolds ? "holds" : "VIOLATED")}: {row.Invariant} |");
            var ratio = row.AppPerSecond / row.RawPerSecond;
            report.Add(new BenchRow($"sign-ups: {row.Scenario}", BenchRow.PerSecond(row.RawPerSecond, "sign-ups"),
                BenchRow.PerSecond(row.AppPerSecond, "sign-ups"), BenchRow.Times(ratio), "≥ 0.50×; invariant holds",
                ratio >= 0.5 && row.InvariantHolds && row.Failures == 0,
                $"p99 {row.P99:F0} ms; invariant {(row.InvariantHolds ? "holds" : "VIOLATED")}: {row.Invariant}; CPU ms per " +
                $"sign-up: raw PG {row.RawCpuPerOp.PostgresMs:F2}, raw client {row.RawCpuPerOp.ClientMs:F2}; app PG " +
                $"{row.AppCpuPerOp.PostgresMs:F2}, app {row.AppCpuPerOp.AppMs:F2}, load generator {row.AppCpuPerOp.ClientMs:F2}"));
        }
        Console.WriteLine($"targets: ≥ 0.50× raw {(signUpRows.All(r => r.AppPerSecond / r.RawPerSecond >= 0.5) ? "met" : "MISSED")}, zero invariant violations {(signUpRows.All(r => r.InvariantHolds) ? "met" : "MISSED")}");
    }

    void PrintPushes()
    {
        Console.WriteLine();
        Console.WriteLine("| push latency (POST response → SignalR client) | p50 | p95 | p99 | max | pushes received |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var sorted = latencies.Order().ToList();
        Console.WriteLine($"| 20 posts/s, one board watcher | {Load.Percentile(sorted, 50):F1} ms | {Load.Percentile(sorted, 95):F1} ms | {Load.Percentile(sorted, 99):F1} ms | {sorted.LastOrDefault():F1} ms | {sorted.Count} |");
        Console.WriteLine($"targets: p50 ≤ 50 ms {(Load.Percentile(sorted, 50) <= 50 ? "met" : "MISSED")}, p99 ≤ 150 ms {(Load.Percentile(sorted, 99) <= 150 ? "met" : "MISSED")}");
        report.Add(new BenchRow("push latency, 20 posts/s, one board watcher (p99)", "", BenchRow.Ms(Load.Percentile(sorted, 99)),
            "", "≤ 150 ms", Load.Percentile(sorted, 99) <= 150, $"p50 {BenchRow.Ms(Load.Percentile(sorted, 50))}; {sorted.Count} pushes"));
    }
}
finally
{
    await AppUnderTest.StopAsync(app);
    await postgres.StopAsync();
    Directory.Delete(dataDirectory, recursive: true);
    if (Directory.Exists(mail.Folder)) Directory.Delete(mail.Folder, recursive: true);
}

// The large data set runs its own PostgreSQL and app processes (LargeData.cs), after the write measurements' are stopped.
if (Runs(LargeData.Part)) await LargeData.RunAsync(options, report);

Console.WriteLine();
Console.WriteLine(report.ToMarkdown());
if (!quick && only is null)
{
    await report.WriteIntoAsync(Path.Combine(repositoryRoot, "docs", "performance.md"));
    Console.WriteLine("Written into docs/performance.md.");
}

static async Task<(string Token, Guid Id)> RegisterMemberAsync(Uri baseAddress, ConfirmationMail mail)
{
    using var http = new HttpClient { BaseAddress = baseAddress };
    var token = await BenchApi.RegisterAsync(http, mail);
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    var me = await http.GetFromJsonAsync<Me>("/api/me");
    return (token, me!.Id);
}

internal sealed record TokenResponse(string AccessToken);

internal sealed record Me(Guid Id);

internal sealed record Written(Guid QuestionId, long Version);

internal sealed record Changed(Guid QuestionId, long Version, string Change);
