using System.Diagnostics;

namespace HetInitiatief.Benchmarks;

/// <summary>CPU time used so far by the app, by this run's PostgreSQL server processes and by this load generator, from /proc.</summary>
public readonly record struct Cpu(double AppMs, double PostgresMs, double ClientMs)
{
    private static readonly double MsPerTick = 1000.0 / 100; // USER_HZ is 100 on Linux.

    public static Cpu operator -(Cpu a, Cpu b) => new(a.AppMs - b.AppMs, a.PostgresMs - b.PostgresMs, a.ClientMs - b.ClientMs);

    public static Cpu operator *(Cpu a, double factor) => new(a.AppMs * factor, a.PostgresMs * factor, a.ClientMs * factor);

    /// <param name="postmaster">
    /// The benchmark's own server: only it and its backends count, not the PostgreSQL servers of other test runs that
    /// share the machine (counting every process named postgres made their work look like ours).
    /// </param>
    public static Cpu Snapshot(Process app, int postmaster) =>
        new(Ticks(app.Id) * MsPerTick, PostgresPids(postmaster).Sum(Ticks) * MsPerTick, Ticks(Environment.ProcessId) * MsPerTick);

    /// <summary>The postmaster's process id, the first line of <c>postmaster.pid</c> in its data directory.</summary>
    public static int Postmaster(string dataDirectory) =>
        int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First().Trim());

    private static IEnumerable<int> PostgresPids(int postmaster) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid == postmaster || (pid > 0 && ParentOf(pid) == postmaster));

    private static int ParentOf(int pid) =>
        Stat(pid) is { } fields && int.TryParse(fields[1], out var parent) ? parent : 0;

    private static long Ticks(int pid) =>
        // Fields 14 and 15 (utime, stime); Stat starts at field 3.
        Stat(pid) is { } fields ? long.Parse(fields[11]) + long.Parse(fields[12]) : 0;

    /// <summary>The fields of /proc/pid/stat after the command name (which is in parentheses), or null once it ended.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null; // The process ended between listing and reading.
        }
    }
}
