using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HetInitiatief.Members;
using HetInitiatief.Moderation;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HetInitiatief.Tests.Moderation;

/// <summary>
/// The dashboard end to end, on a network of its own: the shared test database holds every other test's
/// members, so exact numbers need a database that holds only the seeded events (and the few members
/// registered today, long after the seeded weeks).
/// </summary>
public sealed class HealthDashboardTests(AppFixture app)
{
    private static readonly string SeededWeek = HealthScenario.Week.ToString();

    [Fact]
    public async Task A_seeded_network_shows_every_hand_computed_indicator_to_moderators()
    {
        await using var network = await IsolatedNetwork.StartAsync(app.ConnectionString);
        await network.SeedAsync();
        var admin = await network.RegisterAsync(AppFixture.AdminEmail);
        var moderator = await network.RegisterAsync();
        await network.GrantAsync(admin, moderator, MemberRoles.Moderator);

        var dashboard = (await network.GetAsync<HealthDashboard>(moderator, $"/api/health?week={SeededWeek}"))!;

        HealthScenario.ShouldBeTheHandComputedWeek(dashboard.Indicators);
        HealthScenario.ShouldBeTheHandComputedShops(dashboard.TalkingShops);
        dashboard.Trend.Count.ShouldBe(12);
        dashboard.Trend[^1].ShouldBe(dashboard.Indicators);
        var page = await network.SendAsync(moderator, HttpMethod.Get, $"/moderatie/gezondheid?week={SeededWeek}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("Wederkerigheid (#durftevragen): <span class=\"health-value\">50%</span>");
        // The summary: a verdict, the week-on-week change and a trend chart named in words (five members from W10, D in W20).
        html.ShouldContain("Door leden opgezet: 3 van de 5.");
        html.ShouldContain("1 meer dan vorige week");
        html.ShouldContain("aria-label=\"Leden, laatste 12 weken: van 0 naar 6 (laagste 0, hoogste 6)\"");
        html.ShouldContain($"<a href=\"#{HealthIndicatorTexts.TalkingShopsAnchor}\">");
        html.ShouldContain($"<section id=\"{HealthIndicatorTexts.TalkingShopsAnchor}\"");

        var malformed = await network.SendAsync(moderator, HttpMethod.Get, "/api/health?week=2024-20");
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await malformed.Content.ReadFromJsonAsync<Api.ProblemResponse>())!.Errors!.ShouldContainKey("week");
        (await network.SendAsync(moderator, HttpMethod.Post, $"/api/health/rebuild?week={SeededWeek}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Everyone sees this week's headline numbers: the seven seeded members and the two registered today.
        var summary = (await network.Client.GetFromJsonAsync<HealthSummary>("/api/health/summary"))!;
        (summary.Members, summary.Goal, summary.GoalsReachedTotal, summary.SuccessStoriesTotal).ShouldBe((9, 500, 1, 2));
        (await network.Client.GetAsync("/netwerk/gezondheid")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Rebuilding_the_projection_from_the_events_reproduces_the_dashboard_exactly()
    {
        await using var network = await IsolatedNetwork.StartAsync(app.ConnectionString);
        await network.SeedAsync();
        var admin = await network.RegisterAsync(AppFixture.AdminEmail);
        var before = await network.ReadAsync(admin, HttpMethod.Get, $"/api/health?week={SeededWeek}");

        // Spoil the read model, so the test can tell a rebuild from a dashboard that never changed.
        var store = network.Server.Services.GetRequiredService<IDocumentStore>();
        var bogus = new HealthFact(Guid.NewGuid(), 0, HealthFactKinds.Registered, Guid.NewGuid(), HealthScenario.In(20));
        await using (var session = store.LightweightSession())
        {
            session.Store(bogus);
            session.DeleteWhere<HealthFact>(f => f.Kind == HealthFactKinds.SessionScheduled);
            await session.SaveChangesAsync();
        }
        (await network.ReadAsync(admin, HttpMethod.Get, $"/api/health?week={SeededWeek}")).ShouldNotBe(before);

        var rebuilt = await network.ReadAsync(admin, HttpMethod.Post, $"/api/health/rebuild?week={SeededWeek}");

        rebuilt.ShouldBe(before);
        (await network.ReadAsync(admin, HttpMethod.Get, $"/api/health?week={SeededWeek}")).ShouldBe(before);
        await using var query = store.QuerySession();
        (await query.LoadAsync<HealthFact>(bogus.Id)).ShouldBeNull();
        HealthScenario.ShouldBeTheHandComputedWeek(JsonSerializer.Deserialize<HealthDashboard>(rebuilt, JsonSerializerOptions.Web)!.Indicators);
    }

    [Fact]
    public async Task A_long_list_of_praatgroepen_shows_those_waiting_longest_and_counts_them_all()
    {
        // Given a network where every question without a goal counts as a praatgroep, and more of them than a page lists
        await using var network = await IsolatedNetwork.StartAsync(app.ConnectionString, talkFollowUps: 0);
        var store = network.Server.Services.GetRequiredService<IDocumentStore>();
        var posted = HealthScenario.Week.Start.AddDays(-70);
        await using (var seed = store.LightweightSession())
        {
            for (var i = 0; i < HealthDashboard.ListedAtMost + 7; i++)
            {
                var id = Guid.NewGuid();
                seed.Events.StartStream(id, new HetInitiatief.Questions.QuestionPosted(id, Guid.NewGuid(), $"Praatvraag {i:D2}", "Context",
                    "Waarom", "Wat ik weet", ["taal-en-lezen"], "po", posted.AddHours(i)));
            }
            await seed.SaveChangesAsync();
        }
        var admin = await network.RegisterAsync(AppFixture.AdminEmail);
        var moderator = await network.RegisterAsync();
        await network.GrantAsync(admin, moderator, MemberRoles.Moderator);

        // When a moderator opens the dashboard of that week, on the page and by the API
        var html = await network.ReadAsync(moderator, HttpMethod.Get, $"/moderatie/gezondheid?week={SeededWeek}");
        var api = (await network.GetAsync<HealthDashboard>(moderator, $"/api/health?week={SeededWeek}"))!;

        // Then the API counts every praatgroep and lists as many as the page at most, the longest waiting first
        api.Indicators.TalkingShops.ShouldBe(HealthDashboard.ListedAtMost + 7);
        api.TalkingShops.Count.ShouldBe(HealthDashboard.ListedAtMost);
        api.TalkingShops.ShouldAllBe(t => t.Since < posted.AddHours(HealthDashboard.ListedAtMost));
        api.TalkingShops.Select(t => t.Since).ShouldBe(api.TalkingShops.Select(t => t.Since).Order());
        // and the page lists them and says how many more there are
        var list = html[html.IndexOf($"id=\"{HealthIndicatorTexts.TalkingShopsAnchor}\"", StringComparison.Ordinal)..];
        list = list[..list.IndexOf("</section>", StringComparison.Ordinal)];
        System.Text.RegularExpressions.Regex.Count(list, "<li>").ShouldBe(HealthDashboard.ListedAtMost);
        list.ShouldContain("Praatvraag 00");
        list.ShouldNotContain($"Praatvraag {HealthDashboard.ListedAtMost:D2}");
        System.Text.RegularExpressions.Regex.Replace(list, @"\s+", " ")
            .ShouldContain($"Dit zijn de {HealthDashboard.ListedAtMost} die het langst zo zijn; er zijn er nog 7.</p>");
    }

    /// <summary>The platform on a database of its own, created for one test and dropped after it.</summary>
    private sealed class IsolatedNetwork : IAsyncDisposable
    {
        private readonly OwnDatabase _database;

        private IsolatedNetwork(OwnDatabase database, WebServer server)
        {
            (_database, Server) = (database, server);
            Client = new HttpClient { BaseAddress = server.BaseAddress };
        }

        public WebServer Server { get; }
        public HttpClient Client { get; }

        public static async Task<IsolatedNetwork> StartAsync(string connectionString, int? talkFollowUps = null)
        {
            var database = await OwnDatabase.CreateAsync(connectionString, "health");
            var settings = new Dictionary<string, string?>
            {
                ["Health:TalkFollowUps"] = (talkFollowUps ?? HealthScenario.Settings.TalkFollowUps).ToString(),
                ["Health:TalkCoalitionMembers"] = HealthScenario.Settings.TalkCoalitionMembers.ToString(),
            };
            return new IsolatedNetwork(database, await WebServer.StartAsync(database.ConnectionString, settings));
        }

        /// <summary>The scenario's events, written straight into the store with the moments they carry.</summary>
        public async Task SeedAsync()
        {
            var store = Server.Services.GetRequiredService<IDocumentStore>();
            await using var session = store.LightweightSession();
            foreach (var stream in HealthScenario.Events().GroupBy(e => e.Stream))
                session.Events.Append(stream.Key, stream.Select(e => e.Event).ToArray());
            await session.SaveChangesAsync();
        }

        public async Task<TestMember> RegisterAsync(string? email = null)
        {
            email ??= $"{Guid.NewGuid():N}@school.example";
            var since = ConfirmationMail.Before();
            (await Client.PostAsJsonAsync("/api/members", new { name = "Lid van vandaag", email, password = Api.Password, school = "De Start", sector = "po" })).EnsureSuccessStatusCode();
            await Api.ConfirmEmailAsync(Client, email, since);
            var token = await (await Client.PostAsJsonAsync("/api/auth/token", new { email, password = Api.Password })).Content.ReadFromJsonAsync<Api.TokenResponse>();
            using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken) } };
            var profile = await (await Client.SendAsync(me)).Content.ReadFromJsonAsync<Api.MeResponse>();
            return new TestMember(profile!.Id, profile.Name, email, Api.Password, token.AccessToken);
        }

        public async Task GrantAsync(TestMember admin, TestMember member, string role)
        {
            var response = await SendAsync(admin, HttpMethod.Post, $"/api/members/{member.Id}/roles", new { role });
            response.EnsureSuccessStatusCode();
        }

        public async Task<HttpResponseMessage> SendAsync(TestMember member, HttpMethod method, string url, object? body = null)
        {
            using var request = new HttpRequestMessage(method, url) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", member.Token) } };
            if (body is not null) request.Content = JsonContent.Create(body);
            return await Client.SendAsync(request);
        }

        public async Task<T?> GetAsync<T>(TestMember member, string url)
        {
            var response = await SendAsync(member, HttpMethod.Get, url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return await response.Content.ReadFromJsonAsync<T>();
        }

        /// <summary>The response body as sent, for comparing two dashboards to the last digit.</summary>
        public async Task<string> ReadAsync(TestMember member, HttpMethod method, string url)
        {
            var response = await SendAsync(member, method, url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return await response.Content.ReadAsStringAsync();
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Server.DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}
