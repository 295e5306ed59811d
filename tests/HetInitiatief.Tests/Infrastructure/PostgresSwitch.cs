using System.Diagnostics;
using HetInitiatief.Infrastructure;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// Stops and starts a test's own <see cref="LocalPostgres"/> on the same port and data directory, so the app keeps its
/// connection string across an outage.
/// </summary>
public static class PostgresSwitch
{
    public static Task StopAsync(string dataDirectory) => PgCtlAsync("stop", "-D", dataDirectory, "-m", "fast", "-w");

    public static Task StartAsync(string dataDirectory, int port) =>
        PgCtlAsync("start", "-D", dataDirectory, "-w", "-t", "60", "-l", Path.Combine(dataDirectory, "server.log"),
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -k {dataDirectory} -c fsync=off");

    private static async Task PgCtlAsync(params string[] args)
    {
        var pgCtl = Path.Combine(BinDirectory(), "pg_ctl");
        var start = new ProcessStartInfo(Environment.IsPrivilegedProcess ? "runuser" : pgCtl)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/",
        };
        if (Environment.IsPrivilegedProcess) foreach (var a in new[] { "-u", "postgres", "--", pgCtl }) start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        // The started server inherits the pipes; only the exit code is waited for.
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg_ctl {string.Join(' ', args)} exited with {process.ExitCode}");
    }

    private static string BinDirectory()
    {
        using var pgConfig = Process.Start(new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, UseShellExecute = false })!;
        var bin = pgConfig.StandardOutput.ReadToEnd().Trim();
        pgConfig.WaitForExit();
        return File.Exists(Path.Combine(bin, "pg_ctl")) ? bin
            : Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_ctl"))).OrderDescending().First();
    }
}
