using System.Diagnostics;
using HetInitiatief.Moderation;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Moderation;

/// <summary>
/// Times the radar and the health dashboard on a seeded network: run with <c>SCALE_BENCH=2000,20000</c> (question
/// counts). Without it the test does nothing, so the suite never pays for the seeding.
/// </summary>
public sealed class ScaleBench(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Radar_and_health_dashboard_timings()
    {
        var sizes = Environment.GetEnvironmentVariable("SCALE_BENCH");
        if (string.IsNullOrEmpty(sizes)) return;
        foreach (var size in sizes.Split(',').Select(int.Parse))
        {
            await using var network = await ScaleNetwork.StartAsync(app.ConnectionString);
            var seeding = Stopwatch.StartNew();
            await network.SeedAsync(size);
            Log($"{size} questions seeded in {seeding.Elapsed.TotalSeconds:0.0} s");
            var radarSettings = network.Server.Services.GetRequiredService<RadarSettings>();
            var healthSettings = network.Server.Services.GetRequiredService<HealthSettings>();
            var week = HealthWeek.Containing(ScaleNetwork.Now);
            var radarCount = 0;
            var radar = await TimeAsync(network.Store, async session =>
            {
                var computed = await RadarEndpoints.ComputeAsync(session, radarSettings, ScaleNetwork.Now, default);
                radarCount = (await RadarEndpoints.ViewAsync(session, computed, ScaleNetwork.Now, default)).Items.Count;
            });
            var health = await TimeAsync(network.Store, session => HealthDashboardEndpoint.ReadAsync(session, week, healthSettings, ScaleNetwork.Now, default));
            Log($"{size} questions: radar p50 {radar.P50:0} ms p95 {radar.P95:0} ms ({radarCount} items); " +
                $"health p50 {health.P50:0} ms p95 {health.P95:0} ms");
        }
    }

    private void Log(string line)
    {
        output.WriteLine(line);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "scale-bench.txt"), line + Environment.NewLine);
    }

    private static async Task<(double P50, double P95)> TimeAsync(IDocumentStore store, Func<IQuerySession, Task> read)
    {
        var times = new List<double>();
        for (var i = 0; i < 12; i++)
        {
            await using var session = store.QuerySession();
            var watch = Stopwatch.StartNew();
            await read(session);
            if (i >= 2) times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1]);
    }
}
