using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using HetInitiatief.Coalitions;
using HetInitiatief.Live;
using HetInitiatief.Questions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>One cluster — three nodes, Redis, nginx — shared by the tests of this class, which run one after another.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public ClusterRun Run { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Run = await ClusterRun.StartAsync();

    public async ValueTask DisposeAsync() => await Run.DisposeAsync();
}

/// <summary>Both clusters of the suite start one after the other: two at once would only fight over two cores.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
}

[Collection(ClusterCollection.Name)]
public sealed class ClusterTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private ClusterRun Run => cluster.Run;

    [Fact]
    public async Task A_member_signed_in_through_nginx_is_known_to_every_node()
    {
        // Given a member who registered through nginx
        var cookies = new CookieContainer();
        using var browser = Run.ThroughNginx(cookies);
        var member = await Api.RegisterAtAsync(browser, "Lid van het cluster", outbox: Run.Outbox);

        // When they sign in with a cookie, through nginx
        using var signIn = await browser.PostAsJsonAsync("/api/auth/sign-in",
            new { email = member.Email, password = member.Password });
        signIn.IsSuccessStatusCode.ShouldBeTrue($"sign-in answered {signIn.StatusCode}");

        // Then their requests go round the nodes, and each node knows them by that cookie
        var answeredBy = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            using var page = await browser.GetAsync("/werkplek");
            page.StatusCode.ShouldBe(HttpStatusCode.OK, $"request {i} to {ClusterRun.NodeOf(page)}");
            (await page.Content.ReadAsStringAsync()).ShouldContain("Lid van het cluster");
            answeredBy.Add(ClusterRun.NodeOf(page));
        }
        answeredBy.Distinct().Order().ShouldBe(["node-1", "node-2", "node-3"]);
        answeredBy.Zip(answeredBy.Skip(1)).ShouldAllBe(pair => pair.First != pair.Second);

        // And the cookie and the bearer token (issued by whichever node answered) work at each node directly
        foreach (var node in Run.Nodes)
        {
            using var direct = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
            {
                BaseAddress = node.Url,
            };
            using var page = await direct.GetAsync("/werkplek");
            page.StatusCode.ShouldBe(HttpStatusCode.OK, node.Name);
            ClusterRun.NodeOf(page).ShouldBe(node.Name);

            using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me")
            {
                Headers = { Authorization = new("Bearer", member.Token) },
            };
            using var answer = await ClusterRun.To(node).SendAsync(me);
            answer.StatusCode.ShouldBe(HttpStatusCode.OK, node.Name);
            (await answer.Content.ReadFromJsonAsync<Api.MeResponse>())!.Id.ShouldBe(member.Id);
        }
    }

    [Fact]
    public async Task A_question_posted_on_one_node_is_pushed_to_watchers_on_the_others()
    {
        // Given a watcher of the board connected to node 3, and one connected through nginx
        var writer = await Api.RegisterAtAsync(Run.ThroughNginx(), outbox: Run.Outbox);
        var watcher = await Api.RegisterAtAsync(Run.ThroughNginx(), outbox: Run.Outbox);
        var (nodeA, nodeC) = (Run.Nodes[0], Run.Nodes[2]);
        var onNodeC = new ConcurrentQueue<QuestionChanged>();
        var throughNginx = new ConcurrentQueue<QuestionChanged>();
        await using var direct = await WatchBoardAsync(new Uri(nodeC.Url, LiveHub.Path), watcher.Token, onNodeC);
        await using var proxied = await WatchBoardAsync(new Uri(Run.Url, LiveHub.Path), watcher.Token, throughNginx);

        // When a member posts a question on node 1
        using var post = await ClusterRun.To(nodeA).PostAsAsync(writer, "/api/questions", QuestionSteps.AUniqueQuestion());
        post.StatusCode.ShouldBe(HttpStatusCode.Created);
        ClusterRun.NodeOf(post).ShouldBe(nodeA.Name);
        var posted = (await post.Content.ReadFromJsonAsync<QuestionWritten>())!;

        // Then both watchers hear of it
        (await Eventually.TrueAsync(() => Task.FromResult(onNodeC.Any(c => c.QuestionId == posted.QuestionId))))
            .ShouldBeTrue("the watcher on node 3 should get the push of a write on node 1");
        (await Eventually.TrueAsync(() => Task.FromResult(throughNginx.Any(c => c.QuestionId == posted.QuestionId))))
            .ShouldBeTrue("the watcher connected through nginx should get it too");
        onNodeC.Where(c => c.QuestionId == posted.QuestionId).ShouldHaveSingleItem().Change.ShouldBe("posted");
    }

    [Fact]
    public async Task A_closing_date_passes_exactly_once_with_three_nodes_running()
    {
        // Given a coalition below its threshold, closing two seconds from now
        using var http = Run.ThroughNginx();
        var owner = await Api.RegisterAtAsync(http, outbox: Run.Outbox);
        var member = await Api.RegisterAtAsync(http, outbox: Run.Outbox);
        var question = await http.PostAsAsync<QuestionWritten>(owner, "/api/questions", QuestionSteps.AUniqueQuestion());
        var formed = await http.PostAsAsync<CoalitionWritten>(owner, $"/api/questions/{question.QuestionId}/coalition",
            new { threshold = 3, closesAt = DateTimeOffset.UtcNow.AddSeconds(2), invitation = "Wie leert er mee?" });
        using (var join = await http.PostAsAsync(member, $"/api/coalitions/{formed.CoalitionId}/members",
                   new JoinCoalition(null, "Ik wil dit ook leren.")))
        {
            join.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        // When the date passes, with every node polling for due work
        (await Eventually.TrueAsync(async () => await ClosedCountAsync(formed.CoalitionId) > 0))
            .ShouldBeTrue("the coalition should close at its closing date");
        // Each node's poller has come round several times by now, so a second delivery would have happened.
        await Task.Delay(TimeSpan.FromSeconds(8), TestContext.Current.CancellationToken);

        // Then it closed once, and each member was told once
        (await ClosedCountAsync(formed.CoalitionId)).ShouldBe(1);
        foreach (var told in new[] { owner, member })
        {
            (await Run.CountAsync(
                    "select count(*) from het_initiatief.mt_doc_notification " +
                    "where data ->> 'MemberId' = $1::text and data ->> 'Kind' = 'closed'", told.Id))
                .ShouldBe(1, told.Name);
        }
    }

    [Fact]
    public async Task Projections_rebuild_from_the_command_line_while_the_other_nodes_keep_serving()
    {
        // Given a question with a follow-up and a coalition, and what the nodes show of it
        using var http = Run.ThroughNginx();
        var owner = await Api.RegisterAtAsync(http, outbox: Run.Outbox);
        var asker = await Api.RegisterAtAsync(http, outbox: Run.Outbox);
        var question = await http.PostAsAsync<QuestionWritten>(owner, "/api/questions", QuestionSteps.AUniqueQuestion());
        await http.PostAsAsync<FollowUpWritten>(asker, $"/api/questions/{question.QuestionId}/follow-ups",
            new { text = "Voor welke groep is dit bedoeld?" });
        await http.PostAsAsync<CoalitionWritten>(owner, $"/api/questions/{question.QuestionId}/coalition",
            new { threshold = 3, invitation = "Wie leert er mee?" });
        var before = await QuestionAsync(Run.Nodes[1], owner, question.QuestionId);
        var notificationsBefore = await Run.CountAsync("select count(*) from het_initiatief.mt_doc_notification");

        // When an operator rebuilds every projection from the command line, next to node 1, while nodes 2 and 3 serve
        var rebuild = Run.RunCommandAsync("projections", "rebuild");
        var answers = new List<HttpStatusCode>();
        while (!rebuild.IsCompleted)
        {
            foreach (var node in Run.Nodes.Skip(1))
            {
                using var board = await ClusterRun.To(node).GetAsync("/vragen");
                answers.Add(board.StatusCode);
            }
            await Task.Delay(100);
        }
        var (exitCode, output) = await rebuild;

        // Then the rebuild succeeded, the nodes answered all along, and they show the same as before
        exitCode.ShouldBe(0, output);
        output.ShouldContain("Finished rebuilding QuestionDetails");
        answers.ShouldNotBeEmpty();
        answers.ShouldAllBe(status => status == HttpStatusCode.OK);
        (await QuestionAsync(Run.Nodes[2], owner, question.QuestionId)).ShouldBe(before);
        // Replaying the history tells nobody anything again.
        (await Run.CountAsync("select count(*) from het_initiatief.mt_doc_notification")).ShouldBe(notificationsBefore);
    }

    private Task<long> ClosedCountAsync(Guid coalitionId) =>
        Run.CountAsync(
            "select count(*) from het_initiatief.mt_events where stream_id = $1 and type = 'coalition_closed'",
            coalitionId);

    private static async Task<string> QuestionAsync(ClusterRun.Node node, TestMember member, Guid questionId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/questions/{questionId}")
        {
            Headers = { Authorization = new("Bearer", member.Token) },
        };
        using var response = await ClusterRun.To(node).SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HubConnection> WatchBoardAsync(
        Uri hub, string token, ConcurrentQueue<QuestionChanged> received)
    {
        // As the browser connects: WebSockets straight away, no negotiation, so no node needs to remember it.
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        connection.On<QuestionChanged>(QuestionChanged.Method, received.Enqueue);
        await connection.StartAsync();
        await connection.InvokeAsync("WatchBoard");
        return connection;
    }
}
