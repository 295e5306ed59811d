using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using HetInitiatief.Infrastructure;
using Npgsql;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// Het Initiatief as an operator runs it on more than one machine, started the way docs/operations.md says: by
/// <c>ops/cluster.sh</c> — three app nodes in Production mode on one PostgreSQL (a throwaway one of this run), Redis
/// between them, nginx in front — with the app this test run built.
/// </summary>
public sealed class ClusterRun : IAsyncDisposable
{
    private readonly Process _script;

    private ClusterRun(Process script, ThrowawayPostgres postgres, string runDirectory, string outbox, int port,
        IReadOnlyList<Node> nodes)
    {
        _script = script;
        Postgres = postgres;
        RunDirectory = runDirectory;
        Outbox = outbox;
        Url = new Uri($"http://127.0.0.1:{port}");
        Nodes = nodes;
    }

    public sealed record Node(string Name, int Port, int ProcessId)
    {
        public Uri Url => new($"http://127.0.0.1:{Port}");
    }

    public ThrowawayPostgres Postgres { get; }

    public string RunDirectory { get; }

    /// <summary>Where the nodes write their mail (no SMTP server here): the confirmation links.</summary>
    public string Outbox { get; }

    /// <summary>nginx, in front of the nodes.</summary>
    public Uri Url { get; }

    public IReadOnlyList<Node> Nodes { get; }

    public static async Task<ClusterRun> StartAsync(int nodes = 3)
    {
        var postgres = await ThrowawayPostgres.StartAsync();
        var run = Directory.CreateTempSubdirectory("het-initiatief-cluster-").FullName;
        var outbox = Directory.CreateDirectory(Path.Combine(run, "outbox")).FullName;
        var port = AppProcess.FreePort();
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot, "ops", "cluster.sh"),
            "--nodes", nodes.ToString(), "--port", port.ToString(), "--app", WebDll, "--run-dir", run,
            "--watch-pid", Environment.ProcessId.ToString()])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                [$"ConnectionStrings__{Database.ConnectionStringName}"] = postgres.ConnectionString,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Mail__OutboxDirectory"] = outbox,
                ["Logging__LogLevel__Default"] = "Warning",
                // Everyone here comes from one address (nginx on loopback); the limits are not what is tested.
                ["RateLimits__Registration__PermitLimit"] = "100000",
                ["RateLimits__SignIn__PermitLimit"] = "100000",
                ["RateLimits__Posting__PermitLimit"] = "100000",
            },
        };
        var script = Process.Start(start)!;
        var ready = new TaskCompletionSource();
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        script.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            output.Enqueue(e.Data);
            if (e.Data == "ready") ready.TrySetResult();
        };
        script.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();

        var exited = script.WaitForExitAsync();
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromMinutes(4)));
        if (first != ready.Task)
        {
            if (!script.HasExited) script.Kill(entireProcessTree: true);
            await postgres.DisposeAsync();
            throw new InvalidOperationException(
                $"ops/cluster.sh did not get ready:\n{string.Join('\n', output)}\n{Logs(run)}");
        }

        var nodeList = (await File.ReadAllLinesAsync(Path.Combine(run, "nodes")))
            .Select(line => line.Split(' '))
            .Select(parts => new Node(parts[0], int.Parse(parts[1]), int.Parse(parts[2])))
            .ToList();
        return new ClusterRun(script, postgres, run, outbox, port, nodeList);
    }

    /// <summary>A client that goes through nginx, keeping its cookies as a browser does.</summary>
    public HttpClient ThroughNginx(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = Url,
        };

    /// <summary>A client straight to one node, past nginx.</summary>
    public static HttpClient To(Node node) => new() { BaseAddress = node.Url };

    /// <summary>The node a response came from, as the node says in its header.</summary>
    public static string NodeOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(Cluster.NodeHeader, out var values)
            ? values.Single()
            : throw new InvalidOperationException("The response names no node.");

    /// <summary>Ends a node at once, the way a power cut or the kernel's OOM killer does: no shutdown, no flush.</summary>
    public static void Kill(Node node)
    {
        using var process = Process.GetProcessById(node.ProcessId);
        process.Kill();
        process.WaitForExit(TimeSpan.FromSeconds(10));
    }

    public async Task<long> CountAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(Postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Runs one of the app's own commands (db-apply, projections, …) with the nodes' settings.</summary>
    public Task<(int ExitCode, string Output)> RunCommandAsync(params string[] arguments) =>
        AppProcess.RunCommandAsync(Postgres.ConnectionString, arguments, new Dictionary<string, string>
        {
            ["Platform__BaseUrl"] = Url.ToString(),
            ["Mail__OutboxDirectory"] = Outbox,
        });

    public async ValueTask DisposeAsync()
    {
        if (!_script.HasExited)
        {
            // SIGTERM, so the script stops nginx, Redis and the nodes the way Ctrl-C does.
            _ = SendSignal(_script.Id, 15);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _script.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _script.Kill(entireProcessTree: true);
            }
        }
        _script.Dispose();
        await Postgres.DisposeAsync();
        try
        {
            Directory.Delete(RunDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover folder in the temp directory is harmless.
        }
    }

    private static string Logs(string run) =>
        string.Join('\n', Directory.Exists(run)
            ? Directory.GetFiles(run, "*.log").Select(f => $"--- {Path.GetFileName(f)}\n{Tail(f)}")
            : []);

    private static string Tail(string file) => string.Join('\n', File.ReadLines(file).TakeLast(30));

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private static string RepositoryRoot => Path.GetFullPath(Path.Combine(AppProcess.WebProjectDirectory, "..", ".."));

    private static string WebDll => AppProcess.WebAssembly;

}
