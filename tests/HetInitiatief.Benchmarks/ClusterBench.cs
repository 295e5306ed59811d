using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using HetInitiatief.Infrastructure;

namespace HetInitiatief.Benchmarks;

/// <summary>
/// The cluster of docs/operations.md (ops/cluster.sh: nodes behind nginx, Redis between them) with one node and with
/// three, each on a fresh PostgreSQL (fsync on): POST /api/questions through nginx at concurrency 16, and the push
/// latency from a post answered by the first node to a board watcher connected to the last one.
/// <c>ops/bench.sh SECONDS cluster</c>.
/// </summary>
public static class ClusterBench
{
    private const int Concurrency = 16;
    private const int PostsPerSecond = 20;

    private sealed record Result(int Nodes, double PostsPerSecond, IReadOnlyList<double> PushMs, int PostsWatched);

    public static async Task RunAsync(TimeSpan duration, string webDll, string repositoryRoot)
    {
        var results = new List<Result>();
        foreach (var nodes in new[] { 1, 3 }) results.Add(await MeasureAsync(nodes, duration, webDll, repositoryRoot));

        Console.WriteLine();
        Console.WriteLine($"Het Initiatief cluster benchmark · {Environment.ProcessorCount} cores · nginx, Redis and the " +
                          $"nodes on this machine · PostgreSQL fsync on · {duration.TotalSeconds:0} s per measurement");
        Console.WriteLine();
        Console.WriteLine("| nodes | POST /api/questions through nginx, concurrency 16 (ops/s) | vs 1 node | " +
                          "push p50 | push p99 | pushes received |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var sorted = r.PushMs.Order().ToList();
            Console.WriteLine($"| {r.Nodes} | {r.PostsPerSecond:0} | {r.PostsPerSecond / results[0].PostsPerSecond:0.00}× | " +
                              $"{Load.Percentile(sorted, 50):0.0} ms | {Load.Percentile(sorted, 99):0.0} ms | " +
                              $"{sorted.Count} of {r.PostsWatched} |");
        }
        Console.WriteLine();
        Console.WriteLine("Push latency: from the moment node 1's answer to a POST reaches the client to the moment a board " +
                          "watcher connected to the last node (over Redis when there are three) receives the push.");
    }

    private static async Task<Result> MeasureAsync(int nodes, TimeSpan duration, string webDll, string root)
    {
        var run = Directory.CreateTempSubdirectory("het-initiatief-cluster-bench-").FullName;
        // Outside the run folder, which only its owner may enter: PostgreSQL runs as its own user when this is root.
        await using var postgres = await LocalPostgres.StartAsync(
            Path.Combine(Path.GetTempPath(), $"het-initiatief-cluster-bench-pg-{Guid.NewGuid():N}"));
        var mail = new ConfirmationMail(Path.Combine(run, "outbox"));
        var port = FreePort();
        Console.WriteLine($"Starting {nodes} node(s) behind nginx…");
        using var script = Process.Start(new ProcessStartInfo("bash", [Path.Combine(root, "ops", "cluster.sh"),
            "--nodes", $"{nodes}", "--port", $"{port}", "--app", webDll, "--run-dir", run,
            "--watch-pid", $"{Environment.ProcessId}"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            Environment =
            {
                [$"ConnectionStrings__{Database.ConnectionStringName}"] = postgres.ConnectionString,
                ["Mail__OutboxDirectory"] = mail.Folder,
                ["Logging__LogLevel__Default"] = "Warning",
                ["RateLimits__Posting__PermitLimit"] = "100000000",
            },
        })!;
        try
        {
            while (await script.StandardOutput.ReadLineAsync() is { } line && line != "ready")
            {
            }
            if (script.HasExited) throw new InvalidOperationException($"ops/cluster.sh stopped; logs in {run}");
            var nodePorts = (await File.ReadAllLinesAsync(Path.Combine(run, "nodes")))
                .Select(l => int.Parse(l.Split(' ')[1])).ToList();

            using var nginx = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var token = await BenchApi.RegisterAsync(nginx, mail);
            nginx.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            await Load.ThroughputAsync(4, TimeSpan.FromSeconds(3), () => BenchApi.PostQuestionAsync(nginx));

            // Latency first, at a steady rate: after the flood below the pushes of a thousand posts are still queued,
            // and a measurement behind them would time the queue, not the path.
            using var first = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{nodePorts[0]}") };
            first.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var (pushes, watched) = await BenchApi.PushLatencyAsync(first, new Uri($"http://127.0.0.1:{nodePorts[^1]}/hubs/live"),
                token, PostsPerSecond, TimeSpan.FromSeconds(Math.Max(10, duration.TotalSeconds * 2)));

            var rate = await Load.ThroughputAsync(Concurrency, duration, () => BenchApi.PostQuestionAsync(nginx));
            return new Result(nodes, rate, pushes, watched);
        }
        finally
        {
            // SIGTERM: the script stops nginx, Redis and the nodes itself.
            _ = SendSignal(script.Id, 15);
            await script.WaitForExitAsync();
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
