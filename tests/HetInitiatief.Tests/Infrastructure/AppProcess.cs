using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using HetInitiatief.Infrastructure;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// The platform's built assembly run as a process of its own, as an operator runs it: the app itself, or one of its
/// commands (<c>db-apply</c>, <c>codegen</c>). Production settings by default, since that is what operators run.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private AppProcess(Process process, StringBuilder output, HttpClient http)
    {
        _process = process;
        _output = output;
        Http = http;
    }

    public HttpClient Http { get; }

    public static string WebProjectDirectory => typeof(AppProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "WebProjectDirectory").Value!;

    /// <summary>The app as built next to the tests (bin/<configuration>/<framework>).</summary>
    public static string WebAssembly
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory);
            return Path.Combine(WebProjectDirectory, "bin", framework.Parent!.Name, framework.Name, "HetInitiatief.Web.dll");
        }
    }

    /// <summary>Runs a command of the app to its end: its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(
        string connectionString, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? settings = null)
    {
        // An operator runs commands with the app's own settings, and Production refuses to start without its address.
        var all = new Dictionary<string, string> { ["Platform__BaseUrl"] = "http://127.0.0.1" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        var output = new StringBuilder();
        using var process = Start(connectionString, args, all, output);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        process.WaitForExit();
        lock (output) return (process.ExitCode, output.ToString());
    }

    /// <summary>Starts the app and waits until <c>/health/ready</c> answers 200; throws with its output if it stops first.</summary>
    public static async Task<AppProcess> StartAsync(
        string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var all = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = baseAddress.ToString(),
            // Production answers only to the host of its own address (Infrastructure/Proxies.cs).
            ["Platform__BaseUrl"] = baseAddress.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        var output = new StringBuilder();
        var process = Start(connectionString, [], all, output);
        var http = new HttpClient { BaseAddress = baseAddress };
        var app = new AppProcess(process, output, http);
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (process.HasExited)
            {
                process.WaitForExit();
                var stopped = new AppStoppedException(process.ExitCode, app.Output);
                app.Dispose();
                throw stopped;
            }
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK) return app;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        var printed = app.Output;
        app.Dispose();
        throw new TimeoutException($"The app did not become ready within a minute:\n{printed}");
    }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Stops the app as a service manager does (SIGTERM), so it shuts down cleanly.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        Process.Start("kill", ["-TERM", _process.Id.ToString()])?.WaitForExit();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        Http.Dispose();
    }

    private static Process Start(string connectionString, IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string>? settings, StringBuilder output)
    {
        var start = new ProcessStartInfo("dotnet", [WebAssembly, .. args])
        {
            WorkingDirectory = WebProjectDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                [$"ConnectionStrings__{Database.ConnectionStringName}"] = connectionString,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>A loopback port nobody listens on right now, for a server a test starts.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class AppStoppedException(int exitCode, string output)
    : Exception($"The app stopped with exit code {exitCode}:\n{output}")
{
    public int ExitCode { get; } = exitCode;

    public string Output { get; } = output;
}
