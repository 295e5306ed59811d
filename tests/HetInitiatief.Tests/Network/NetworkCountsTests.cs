using System.Net.Http.Json;
using HetInitiatief.Members;
using HetInitiatief.Network;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Network;

public sealed class NetworkCountsTests(AppFixture app)
{
    [Fact]
    public async Task The_counter_and_growth_chart_count_every_confirmed_member_without_reading_each_one()
    {
        // Given a network of its own with members who confirmed long ago, in the chart's weeks, this week, and not at all
        await using var database = await OwnDatabase.CreateAsync(app.ConnectionString, "counts");
        await using var server = await WebServer.StartAsync(database.ConnectionString);
        var now = DateTimeOffset.UtcNow;
        var confirmed = new[] { -400, -120, -85, -60, -30, -13, -8, -3, -1, 0 }.Select(days => now.AddDays(days)).ToList();
        await using (var session = server.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            foreach (var at in confirmed)
                session.Store(Member(at.AddDays(-1), at));
            session.Store(Member(now.AddDays(-2), confirmedAt: null), Member(now.AddDays(-200), confirmedAt: null));
            await session.SaveChangesAsync();
        }
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        // When anyone looks at the network
        var network = (await http.GetFromJsonAsync<NetworkView>("/api/network"))!;

        // Then it counts the confirmed members only, and draws the chart from all of them, week by week
        network.Members.ShouldBe(confirmed.Count);
        network.NewThisWeek.ShouldBe(confirmed.Count(at => at > now.AddDays(-7)));
        var expected = NetworkEndpoints.Growth(confirmed, now, NetworkEndpoints.GrowthWeeks);
        network.Growth.ShouldNotBeNull();
        network.Growth.Select(g => (g.WeekStarting, g.Members, g.Joined)).ShouldBe(expected.Select(g => (g.WeekStarting, g.Members, g.Joined)));
        network.Growth[0].Members.ShouldBe(confirmed.Count(at => at < NetworkEndpoints.WindowStart(now, NetworkEndpoints.GrowthWeeks).AddDays(7)));
    }

    private static MemberProfile Member(DateTimeOffset registeredAt, DateTimeOffset? confirmedAt) =>
        new(Guid.NewGuid(), "Lid", $"{Guid.NewGuid():N}@school.example", "De Start", "po", registeredAt, EmailConfirmedAt: confirmedAt);
}
