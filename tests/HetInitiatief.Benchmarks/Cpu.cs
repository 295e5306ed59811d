using System.Diagnostics;

namespace HetInitiatief.Benchmarks;

/// <summary>CPU time used so far by the app, by all PostgreSQL server processes and by this load generator, from /proc.</summary>
public readonly record struct Cpu(double AppMs, double PostgresMs, double ClientMs)
{
    private static readonly double MsPerTick = 1000.0 / 100; // USER_HZ is 100 on Linux.

    public static Cpu operator -(Cpu a, Cpu b) => new(a.AppMs - b.AppMs, a.PostgresMs - b.PostgresMs, a.ClientMs - b.ClientMs);

    public static Cpu Snapshot(Process app) =>
        new(Ticks(app.Id) * MsPerTick, PostgresPids().Sum(Ticks) * MsPerTick, Ticks(Environment.ProcessId) * MsPerTick);

    private static IEnumerable<int> PostgresPids() =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ReadOrEmpty($"/proc/{pid}/comm").Trim() == "postgres");

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static long Ticks(int pid)
    {
        try
        {
            // Fields 14 and 15 (utime, stime) follow the command name, which is in parentheses.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11]) + long.Parse(fields[12]);
        }
        catch (IOException)
        {
            return 0; // The process ended between listing and reading.
        }
    }
}
