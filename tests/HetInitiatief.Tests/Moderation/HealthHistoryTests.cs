using System.Text.Json;
using HetInitiatief.Moderation;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using K = HetInitiatief.Moderation.HealthFactKinds;

namespace HetInitiatief.Tests.Moderation;

/// <summary>
/// The kept dashboard (<see cref="HealthHistory"/>) is always the dashboard every fact gives: the running totals at the
/// start of a week's window plus the facts from then on give that week's numbers, and a kept week takes in the facts
/// written after it was made, a late one included.
/// </summary>
public sealed class HealthHistoryTests(AppFixture app)
{
    private static string Json(HealthDashboard dashboard) => JsonSerializer.Serialize(dashboard, JsonSerializerOptions.Web);

    private static string Json(HealthIndicators indicators, object shops, object stalled) =>
        JsonSerializer.Serialize(new { indicators, shops, stalled }, JsonSerializerOptions.Web);

    [Theory]
    [InlineData(14, 4)]
    [InlineData(20, 4)]
    [InlineData(24, 4)]
    [InlineData(30, 1)]
    [InlineData(45, 2)]
    public void The_running_totals_at_the_window_and_the_facts_from_then_on_give_the_week(int weekNumber, int windowWeeks)
    {
        // Given the scenario's facts and a week of it
        var settings = HealthScenario.Settings with { WindowWeeks = windowWeeks };
        var week = new HealthWeek(2024, weekNumber);
        var ordered = NetworkHealth.InOrder(HealthScenario.Facts());
        var windowStart = NetworkHealth.WindowStart(week, settings);

        // When the week is computed from the running totals the full dashboard reached at its window's start and only
        // the facts from then on
        var (full, basis) = NetworkHealth.DashboardAndTotals(ordered, week, settings);
        var fromBasis = NetworkHealth.ComputeAll(basis, ordered.Where(f => f.At >= windowStart).ToList(), week, settings);

        // Then it is the week every fact gives
        basis.At.ShouldBe(windowStart);
        Json(fromBasis.Indicators, fromBasis.TalkingShops, fromBasis.Stalled)
            .ShouldBe(Json(full.Indicators, full.TalkingShops, full.StalledCoalitions));
    }

    [Fact]
    public async Task A_kept_week_takes_in_new_facts_and_late_ones_and_stays_the_dashboard_of_every_fact()
    {
        // Given a network of its own with the scenario's history, and its week's dashboard read once (and so kept)
        await using var database = await OwnDatabase.CreateAsync(app.ConnectionString, "healthkept");
        await using var server = await WebServer.StartAsync(database.ConnectionString);
        var store = server.Services.GetRequiredService<IDocumentStore>();
        await using (var seed = store.LightweightSession())
        {
            foreach (var stream in HealthScenario.Events().GroupBy(e => e.Stream))
                seed.Events.Append(stream.Key, stream.Select(e => e.Event).ToArray());
            await seed.SaveChangesAsync();
        }
        var (week, settings) = (HealthScenario.Week, HealthScenario.Settings);
        var first = await KeptAsync();
        first.ShouldBe(await FullAsync());

        // When members register and ask in the week itself
        await WriteAsync(Fact(K.Registered, week.Start.AddDays(2)), Fact(K.QuestionPosted, week.Start.AddDays(3)));

        // Then the kept week counts them, as every fact does
        var second = await KeptAsync();
        second.ShouldNotBe(first);
        second.ShouldBe(await FullAsync());

        // And when a fact dated in an earlier week is written now (a late fact), the trend's earlier weeks count it too
        await WriteAsync(Fact(K.Registered, week.Start.AddDays(-10)));
        var third = await KeptAsync();
        third.ShouldNotBe(second);
        third.ShouldBe(await FullAsync());

        // And a fact after the week changes nothing in it
        await WriteAsync(Fact(K.Registered, week.End.AddDays(1)));
        (await KeptAsync()).ShouldBe(third);

        async Task<string> KeptAsync()
        {
            await using var session = store.QuerySession();
            return Json(await HealthHistory.DashboardAsync(session, week, settings, week.End, default));
        }

        async Task<string> FullAsync()
        {
            await using var session = store.QuerySession();
            return Json(NetworkHealth.Dashboard(await session.Query<HealthFact>().ToListAsync(), week, settings));
        }

        async Task WriteAsync(params HealthFact[] facts)
        {
            await using var session = store.LightweightSession();
            session.Store(facts);
            await session.SaveChangesAsync();
        }
    }

    private static HealthFact Fact(string kind, DateTimeOffset at) =>
        new(Guid.NewGuid(), 0, kind, Guid.NewGuid(), at, Subject: kind == K.QuestionPosted ? Guid.NewGuid() : null,
            Detail: kind == K.Registered ? HealthFacts.SchoolKey("De Nieuwe School") : null);
}
