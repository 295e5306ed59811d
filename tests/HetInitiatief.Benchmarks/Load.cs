using System.Diagnostics;

namespace HetInitiatief.Benchmarks;

public static class Load
{
    public const string QuestionContext =
        "Mijn leerlingen in groep 5 onthouden nieuwe woorden slecht, ook na herhaling. Ik zoek een aanpak die past bij de zaakvakken.";

    /// <summary>Runs <paramref name="operation"/> from <paramref name="concurrency"/> workers for a fixed time; returns operations per second.</summary>
    public static async Task<double> ThroughputAsync(int concurrency, TimeSpan duration, Func<Task> operation)
    {
        var stopwatch = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var done = 0;
            while (stopwatch.Elapsed < duration)
            {
                await operation();
                done++;
            }
            return done;
        }));
        return counts.Sum() / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Starts <paramref name="operation"/> at a steady <paramref name="perSecond"/> for <paramref name="duration"/>,
    /// without waiting for one to finish before the next is due (a push measurement needs the rate, not a queue), and
    /// waits for all of them.
    /// </summary>
    public static async Task SteadyAsync(double perSecond, TimeSpan duration, Func<Task> operation)
    {
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var clock = Stopwatch.StartNew();
        var started = new List<Task>();
        for (var i = 0; clock.Elapsed < duration; i++)
        {
            var due = interval * i - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
            started.Add(Task.Run(operation));
        }
        await Task.WhenAll(started);
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
