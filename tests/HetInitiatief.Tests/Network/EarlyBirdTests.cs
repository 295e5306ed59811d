using System.Net.Http.Json;
using Alba;
using HetInitiatief.Network;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Network;

public sealed class EarlyBirdTests(AppFixture app)
{
    [Fact]
    public async Task Two_hundred_registering_at_once_fill_exactly_fifty_numbered_seats_and_start_together_once()
    {
        // A network of its own beside the shared one, so this test owns all of its seats.
        var networkId = Guid.NewGuid();
        await using var server = await WebServer.StartAsync(app.ConnectionString, new Dictionary<string, string?> { ["Platform:NetworkId"] = networkId.ToString(), ["Platform:EarlyBirdSeats"] = "50" });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var statuses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i => (int)(await http.PostAsJsonAsync("/api/members",
            new { name = $"Vroege vogel {i}", email = $"{Guid.NewGuid():N}@school.example", password = Api.Password, school = "De Start", sector = "vo" })).StatusCode));

        statuses.ShouldAllBe(s => s == 201);
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = (await session.Events.FetchStreamAsync(networkId)).Select(e => e.Data).ToList();
        events.OfType<EarlyBirdSeatTaken>().Select(s => s.Seat).ShouldBe(Enumerable.Range(1, 50));
        events.OfType<EarlyBirdSeatTaken>().Select(s => s.MemberId).Distinct().Count().ShouldBe(50);
        events.OfType<JointStartRecorded>().ShouldHaveSingleItem().Reason.ShouldBe(JointStartRecorded.LastSeat);
        var seated = events.OfType<EarlyBirdSeatTaken>().ToDictionary(s => s.MemberId, s => s.Seat);
        var profiles = await session.LoadManyAsync<HetInitiatief.Members.MemberProfile>(seated.Keys);
        profiles.ShouldAllBe(p => p.EarlyBirdSeat == seated[p.Id]);
        var view = await http.GetFromJsonAsync<NetworkView>("/api/network");
        (view!.SeatsTaken, view.SeatsLeft, view.Started).ShouldBe((50, 0, true));
    }

    [Fact]
    public async Task Only_an_admin_records_the_joint_start_and_only_once()
    {
        var networkId = Guid.NewGuid();
        await using var server = await WebServer.StartAsync(app.ConnectionString, new Dictionary<string, string?> { ["Platform:NetworkId"] = networkId.ToString() });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var member = await app.Host.RegisterMemberAsync();
        var admin = await app.AdminAsync();

        http.DefaultRequestHeaders.Authorization = new("Bearer", member.Token);
        ((int)(await http.PostAsync("/api/network/joint-start", null)).StatusCode).ShouldBe(403);
        http.DefaultRequestHeaders.Authorization = new("Bearer", admin.Token);
        ((int)(await http.PostAsync("/api/network/joint-start", null)).StatusCode).ShouldBe(200);
        ((int)(await http.PostAsync("/api/network/joint-start", null)).StatusCode).ShouldBe(409);
        (await http.GetFromJsonAsync<NetworkView>("/api/network"))!.Started.ShouldBeTrue();
    }

    [Fact]
    public async Task The_network_is_public_and_the_welcome_page_counts_the_seats()
    {
        var result = await app.Host.Scenario(x => x.Get.Url("/api/network"));
        (await result.ReadAsJsonAsync<NetworkView>())!.Goal.ShouldBe(500);
        (await (await app.Host.Scenario(x => x.Get.Url("/"))).ReadAsTextAsync()).ShouldContain("Heb jij zin in een avontuur?");
    }

    [Fact]
    public void After_the_last_seat_nobody_gets_one()
    {
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var full = NetworkState.Create(new NetworkOpened(id, now)).Apply(new EarlyBirdSeatTaken(id, Guid.NewGuid(), 1, now));

        EarlyBirds.DecideSeat(full, 1, Guid.NewGuid(), now).Events.ShouldBeEmpty();
        EarlyBirds.DecideSeat(full, 2, Guid.NewGuid(), now).Events.Count.ShouldBe(2);
    }
}
