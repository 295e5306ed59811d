using System.Net.Http.Json;
using Alba;
using HetInitiatief.Network;
using HetInitiatief.Notifications;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Network;

public sealed class JointStartTests(AppFixture app)
{
    [Fact]
    public async Task Every_early_bird_hears_of_the_joint_start_and_of_the_festive_opening_the_admin_plans()
    {
        // Given a network of two seats, filled by Ans and Bert; Cor registers after the start.
        await using var server = await WebServer.StartAsync(app.ConnectionString,
            new Dictionary<string, string?> { ["Platform:NetworkId"] = Guid.NewGuid().ToString(), ["Platform:EarlyBirdSeats"] = "2" });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var ans = await Api.RegisterAtAsync(http, "Ans Start");
        var bert = await Api.RegisterAtAsync(http, "Bert Start");
        var cor = await Api.RegisterAtAsync(http, "Cor Later");

        (await app.Host.GetsNotifiedAsync(ans, NotificationKinds.JointStart)).ShouldBeTrue();
        (await app.Host.GetsNotifiedAsync(bert, NotificationKinds.JointStart)).ShouldBeTrue();
        (await app.Host.NotificationsAsync(cor)).Notifications.ShouldNotContain(n => n.Kind == NotificationKinds.JointStart);

        // When the admin schedules the opening and names it; a member may not.
        var admin = await app.AdminAsync();
        var opening = await app.Host.ScheduleSessionAsync(admin, SessionSteps.ASession(capacity: 60));
        (await Send(http, cor, "/api/network/opening", new { sessionId = opening.SessionId })).ShouldBe(403);
        (await Send(http, admin, "/api/network/opening", new { sessionId = Guid.NewGuid() })).ShouldBe(400);
        (await Send(http, admin, "/api/network/opening", new { sessionId = opening.SessionId })).ShouldBe(200);

        // Then the early birds are invited to it, and the public network names it.
        (await app.Host.GetsNotifiedAsync(ans, NotificationKinds.OpeningPlanned)).ShouldBeTrue();
        (await app.Host.NotificationsAsync(ans)).Notifications.Single(n => n.Kind == NotificationKinds.OpeningPlanned).Link.ShouldBe($"/bijeenkomsten/{opening.SessionId}");
        (await http.GetFromJsonAsync<NetworkView>("/api/network"))!.OpeningSessionId.ShouldBe(opening.SessionId);
        (await http.GetStringAsync("/")).ShouldContain("De feestelijke opening");
    }

    [Fact]
    public async Task Only_early_birds_choose_to_be_listed_on_the_landing_page()
    {
        await using var server = await WebServer.StartAsync(app.ConnectionString,
            new Dictionary<string, string?> { ["Platform:NetworkId"] = Guid.NewGuid().ToString(), ["Platform:EarlyBirdSeats"] = "1" });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var bird = await Api.RegisterAtAsync(http, "Door Zichtbaar");
        var later = await Api.RegisterAtAsync(http, "Evert Later");

        (await Send(http, bird, "/api/me/early-bird-listing", new { listed = (bool?)null }, HttpMethod.Put)).ShouldBe(400);
        (await Send(http, later, "/api/me/early-bird-listing", new { listed = true }, HttpMethod.Put)).ShouldBe(409);
        (await http.GetStringAsync("/")).ShouldNotContain("Door Zichtbaar");
        (await Send(http, bird, "/api/me/early-bird-listing", new { listed = true }, HttpMethod.Put)).ShouldBe(200);
        (await http.GetStringAsync("/")).ShouldContain("Door Zichtbaar");
        (await Send(http, bird, "/api/me/early-bird-listing", new { listed = false }, HttpMethod.Put)).ShouldBe(200);
        (await http.GetStringAsync("/")).ShouldNotContain("Door Zichtbaar");
    }

    private static async Task<int> Send(HttpClient http, TestMember member, string url, object body, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, url) { Content = JsonContent.Create(body), Headers = { Authorization = new("Bearer", member.Token) } };
        return (int)(await http.SendAsync(request)).StatusCode;
    }
}
