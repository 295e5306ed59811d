using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using HetInitiatief.Coalitions;
using HetInitiatief.Infrastructure;
using HetInitiatief.Questions;
using Npgsql;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>A cluster of its own: this test kills one of its nodes.</summary>
public sealed class FailoverClusterFixture : IAsyncLifetime
{
    public ClusterRun Run { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Run = await ClusterRun.StartAsync();

    public async ValueTask DisposeAsync() => await Run.DisposeAsync();
}

[Collection(ClusterCollection.Name)]
public sealed class NodeFailoverTests(FailoverClusterFixture cluster) : IClassFixture<FailoverClusterFixture>
{
    private ClusterRun Run => cluster.Run;

    [Fact]
    public async Task Killing_the_node_that_owns_the_scheduled_work_loses_neither_the_deadline_nor_a_write()
    {
        // Given a coalition closing in 12 seconds, and members asking follow-ups through nginx without pause
        var ct = TestContext.Current.CancellationToken;
        using var http = Run.ThroughNginx();
        var owner = await Api.RegisterAtAsync(http, outbox: Run.Outbox);
        var member = await Api.RegisterAtAsync(http, outbox: Run.Outbox);
        var askers = await Task.WhenAll(Enumerable.Range(1, 4)
            .Select(i => Api.RegisterAtAsync(http, $"Collega {i}", outbox: Run.Outbox)));
        var question = await http.PostAsAsync<QuestionWritten>(owner, "/api/questions", QuestionSteps.AUniqueQuestion());
        var closesAt = DateTimeOffset.UtcNow.AddSeconds(12);
        var formed = await http.PostAsAsync<CoalitionWritten>(owner, $"/api/questions/{question.QuestionId}/coalition",
            new { threshold = 3, closesAt, invitation = "Wie leert er mee?" });
        using (var join = await http.PostAsAsync(member, $"/api/coalitions/{formed.CoalitionId}/members",
                   new JoinCoalition(null, "Ik wil dit ook leren.")))
        {
            join.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var acknowledged = new ConcurrentBag<Guid>();
        using var stop = new CancellationTokenSource();
        var load = askers.Select(asker => Task.Run(async () =>
        {
            using var client = Run.ThroughNginx();
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await client.PostAsAsync(asker,
                        $"/api/questions/{question.QuestionId}/follow-ups",
                        new { text = $"Hoe ziet dat eruit in week {Guid.NewGuid():N}?" });
                    if (response.StatusCode == HttpStatusCode.Created)
                        acknowledged.Add((await response.Content.ReadFromJsonAsync<FollowUpWritten>())!.FollowUpId);
                }
                catch (HttpRequestException)
                {
                    // A request the dying node had taken is not acknowledged; only acknowledged ones must survive.
                }
            }
        })).ToList();

        // When the node that runs the scheduled work is killed outright
        var owning = await NodeRunningScheduledWorkAsync();
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        ClusterRun.Kill(owning);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        // Then the other nodes close the coalition within 30 seconds of its date, once, and one takes the agent over
        var closedAt = await ClosedAtAsync(formed.CoalitionId, closesAt.AddSeconds(30));
        closedAt.ShouldNotBeNull("the coalition should close within 30 s of its closing date after its node died");
        (await Run.CountAsync(
                "select count(*) from het_initiatief.mt_events where stream_id = $1 and type = 'coalition_closed'",
                formed.CoalitionId))
            .ShouldBe(1);
        (await Eventually.TrueAsync(async () => await Run.CountAsync(
                "select count(*) from het_initiatief.mt_doc_notification " +
                "where data ->> 'MemberId' = $1::text and data ->> 'Kind' = 'closed'", member.Id) == 1))
            .ShouldBeTrue("the member should be told once");
        (await NodeRunningScheduledWorkAsync()).Name.ShouldNotBe(owning.Name);

        // And every follow-up the cluster acknowledged is there
        acknowledged.ShouldNotBeEmpty();
        var stored = await Run.CountAsync(
            "select count(*) from het_initiatief.mt_events where stream_id = $1 and type = 'follow_up_asked' " +
            "and data ->> 'FollowUpId' = any($2)", question.QuestionId, acknowledged.Select(id => id.ToString()).ToArray());
        stored.ShouldBe(acknowledged.Count);
    }

    /// <summary>
    /// The live node Wolverine's leader gave the database's durability agent — which recovers the messages a dead node
    /// had claimed, while every node polls for due scheduled messages — found in Wolverine's own tables and matched to
    /// a node by the number each node answers with. Waits (up to 45 s) while the agent is still listed on a dead node.
    /// </summary>
    private async Task<ClusterRun.Node> NodeRunningScheduledWorkAsync()
    {
        int? number = null;
        for (var attempt = 0; attempt < 90; attempt++)
        {
            await using (var connection = new NpgsqlConnection(Run.Postgres.ConnectionString))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(
                    "select n.node_number from het_initiatief.wolverine_node_assignments a join " +
                    "het_initiatief.wolverine_nodes n on n.id = a.node_id where a.id like 'wolverinedb://%'", connection);
                number = await command.ExecuteScalarAsync() as int?;
            }
            foreach (var node in Run.Nodes)
            {
                try
                {
                    using var live = await ClusterRun.To(node).GetAsync("/health/live");
                    var header = live.Headers.GetValues(Cluster.NodeNumberHeader).Single();
                    if (number is not null && header == $"{number}") return node;
                }
                catch (HttpRequestException)
                {
                    // A node that is gone runs nothing.
                }
            }
            await Task.Delay(500);
        }
        throw new InvalidOperationException($"No running node has the durability agent (last seen on node {number}).");
    }

    private async Task<DateTimeOffset?> ClosedAtAsync(Guid coalitionId, DateTimeOffset deadline)
    {
        while (DateTimeOffset.UtcNow < deadline.AddSeconds(5))
        {
            await using var connection = new NpgsqlConnection(Run.Postgres.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "select timestamp from het_initiatief.mt_events where stream_id = $1 and type = 'coalition_closed'",
                connection) { Parameters = { new() { Value = coalitionId } } };
            if (await command.ExecuteScalarAsync() is DateTime at)
            {
                var closed = new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
                return closed <= deadline ? closed : null;
            }
            await Task.Delay(500);
        }
        return null;
    }
}
