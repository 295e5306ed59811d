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
    public async Task Two_hundred_confirming_at_once_fill_exactly_fifty_seats_in_confirmation_order_and_start_together_once()
    {
        // Given a network of its own beside the shared one (so this test owns all of its seats) and 200 registered members
        var networkId = Guid.NewGuid();
        await using var server = await WebServer.StartAsync(app.ConnectionString, new Dictionary<string, string?> { ["Platform:NetworkId"] = networkId.ToString(), ["Platform:EarlyBirdSeats"] = "50" });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var since = ConfirmationMail.Before();
        var emails = Enumerable.Range(0, 200).Select(_ => $"{Guid.NewGuid():N}@school.example").ToList();
        // A few at a time: hashing 200 passwords at once starves a small machine, and the race under test is the confirming.
        var registered = new System.Collections.Concurrent.ConcurrentBag<int>();
        await Parallel.ForEachAsync(emails.Select((email, i) => (email, i)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (m, ct) =>
            registered.Add((int)(await http.PostAsJsonAsync("/api/members",
                new { name = $"Vroege vogel {m.i}", m.email, password = Api.Password, school = "De Start", sector = "vo" }, ct)).StatusCode));
        registered.ShouldAllBe(s => s == 201);
        (await http.GetFromJsonAsync<NetworkView>("/api/network"))!.SeatsTaken.ShouldBe(0, "registering takes no seat");

        // ...one of whom asked for the mail again, so she holds two links
        var twice = await Api.RegisterAtAsync(http, "Dubbel Bevestigd", confirmed: false);
        using (var resend = new HttpRequestMessage(HttpMethod.Post, "/api/me/confirmation") { Headers = { Authorization = new("Bearer", twice.Token) } })
            (await http.SendAsync(resend)).EnsureSuccessStatusCode();
        IReadOnlyDictionary<string, string> tokens = new Dictionary<string, string>();
        await Eventually.TrueAsync(() => Task.FromResult(emails.All((tokens = ConfirmationMail.Tokens(since)).ContainsKey)));
        var twiceLinks = (await app.AllMailsToAsync(twice.Email)).Select(m => System.Text.RegularExpressions.Regex.Match(m, "token=([0-9a-f]{64})").Groups[1].Value).ToList();
        twiceLinks.Distinct().Count().ShouldBe(2);

        // When all of them confirm at once, she with both links and one member with the same link twice
        var confirmations = emails.Select(e => tokens[e]).Concat(twiceLinks).Append(tokens[emails[0]]).ToList();
        var statuses = await Task.WhenAll(confirmations.Select(async token => (int)(await http.PostAsJsonAsync("/api/members/confirm", new { token })).StatusCode));

        // Then every member is confirmed exactly once, and the second link or click of the same member is refused as used
        statuses.Count(s => s == 200).ShouldBe(201);
        statuses.Count(s => s == 410).ShouldBe(2);
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = (await session.Events.FetchStreamAsync(networkId)).Select(e => e.Data).ToList();
        events.OfType<EarlyBirdSeatTaken>().Select(s => s.Seat).ShouldBe(Enumerable.Range(1, 50));
        events.OfType<EarlyBirdSeatTaken>().Select(s => s.MemberId).Distinct().Count().ShouldBe(50);
        events.OfType<JointStartRecorded>().ShouldHaveSingleItem().Reason.ShouldBe(JointStartRecorded.LastSeat);

        // ...the seats went to the first fifty to confirm, in the order they confirmed
        var members = (await session.Query<HetInitiatief.Members.MemberProfile>().Where(m => m.School == "De Start" && m.EmailConfirmedAt != null).ToListAsync())
            .Where(m => emails.Contains(m.Email) || m.Id == twice.Id).ToList();
        members.Count.ShouldBe(201);
        var confirmedEvents = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypeName == "member_email_confirmed").ToListAsync();
        var order = confirmedEvents.Where(e => members.Any(m => m.Id == e.StreamId)).OrderBy(e => e.Sequence)
            .Select(e => ((HetInitiatief.Members.MemberEmailConfirmed)e.Data).MemberId).ToList();
        order.Count.ShouldBe(201, "one confirmation per member");
        order.Take(50).ShouldBe(events.OfType<EarlyBirdSeatTaken>().Select(s => s.MemberId));
        var seated = events.OfType<EarlyBirdSeatTaken>().ToDictionary(s => s.MemberId, s => s.Seat);
        members.ShouldAllBe(p => p.EarlyBirdSeat == seated.GetValueOrDefault(p.Id) || (p.EarlyBirdSeat == null && !seated.ContainsKey(p.Id)));
        var view = await http.GetFromJsonAsync<NetworkView>("/api/network");
        (view!.SeatsTaken, view.SeatsLeft, view.Started).ShouldBe((50, 0, true));
    }

    [Fact]
    public async Task A_seat_waits_for_the_confirmed_address()
    {
        // Given a network of one seat where Ans registers first but does not confirm
        await using var server = await WebServer.StartAsync(app.ConnectionString,
            new Dictionary<string, string?> { ["Platform:NetworkId"] = Guid.NewGuid().ToString(), ["Platform:EarlyBirdSeats"] = "1" });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var ansSince = ConfirmationMail.Before();
        var ans = await Api.RegisterAtAsync(http, "Ans Wacht", confirmed: false);
        (await http.GetFromJsonAsync<NetworkView>("/api/network"))!.SeatsTaken.ShouldBe(0);

        // When Bert registers after her and confirms first
        var bert = await Api.RegisterAtAsync(http, "Bert Bevestigt");
        await Api.ConfirmEmailAsync(http, ans.Email, ansSince);

        // Then the seat is Bert's
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.LoadAsync<HetInitiatief.Members.MemberProfile>(bert.Id))!.EarlyBirdSeat.ShouldBe(1);
        (await session.LoadAsync<HetInitiatief.Members.MemberProfile>(ans.Id))!.EarlyBirdSeat.ShouldBeNull();
        var view = (await http.GetFromJsonAsync<NetworkView>("/api/network"))!;
        (view.SeatsTaken, view.Started).ShouldBe((1, true));
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
