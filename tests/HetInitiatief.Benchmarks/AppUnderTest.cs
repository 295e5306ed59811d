using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using HetInitiatief.Infrastructure;

namespace HetInitiatief.Benchmarks;

/// <summary>
/// The app as an operator runs it: <c>db-apply</c> and other JasperFx commands as a Production process of their own, the
/// app itself as its own Production process (so its memory is its own). Every part of the benchmark starts the app
/// through these.
/// </summary>
public static class AppUnderTest
{
    public static string Metadata(string key) =>
        typeof(AppUnderTest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    public static string WebAssembly => Metadata("WebAssembly");

    public static string WebProjectDirectory => Metadata("WebProjectDirectory");

    /// <summary>Runs a JasperFx command of the app (<c>db-apply</c>, <c>projections rebuild</c>, …) in Production.</summary>
    public static ProcessStartInfo Command(string connectionString, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [WebAssembly, .. arguments])
        {
            WorkingDirectory = WebProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                [$"ConnectionStrings__{Database.ConnectionStringName}"] = connectionString,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Platform__BaseUrl"] = "http://127.0.0.1",
            },
        };
        return start;
    }

    public static async Task ApplySchemaAsync(string connectionString)
    {
        using var process = Process.Start(Command(connectionString, "db-apply"))
                            ?? throw new InvalidOperationException("Could not run db-apply");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"db-apply failed ({process.ExitCode}): {await output}\n{await errors}");
    }

    public static Process StartApp(string connectionString, string mailFolder, out Uri baseAddress)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", [WebAssembly, "--urls", baseAddress.ToString()])
        {
            WorkingDirectory = WebProjectDirectory,
            Environment =
            {
                [$"ConnectionStrings__{Database.ConnectionStringName}"] = connectionString,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Platform__BaseUrl"] = baseAddress.ToString(),
                ["RateLimits__Posting__PermitLimit"] = "100000000",
                ["RateLimits__SignIn__PermitLimit"] = "100000000",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Mail__OutboxDirectory"] = mailFolder,
            },
        };
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the app");
    }

    /// <summary>Waits for <c>/health/ready</c>; an app that stopped (a refused schema, a bad setting) fails at once.</summary>
    public static async Task WaitUntilReadyAsync(HttpClient http, int seconds = 120, Process? app = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (app is { HasExited: true })
                throw new InvalidOperationException($"The app stopped before it was ready (exit code {app.ExitCode})");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The app did not become ready within {seconds} seconds");
    }

    public static async Task StopAsync(Process app)
    {
        if (app.HasExited) return;
        Process.Start("kill", ["-TERM", app.Id.ToString()])?.WaitForExit();
        try
        {
            await app.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            if (!app.HasExited) app.Kill();
        }
    }

    /// <summary>VmHWM of a running process in MB (NaN once it ended).</summary>
    public static double PeakMemoryMegabytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:"));
            return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
