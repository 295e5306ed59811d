using System.Net;
using HetInitiatief.Infrastructure;
using HetInitiatief.Notifications;
using HetInitiatief.Questions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// PostgreSQL restarting while members write: what committed must still reach the people it concerns. Runs on its
/// own PostgreSQL and server, so restarting it disturbs no other test.
/// </summary>
public sealed class DatabaseRestartTests
{
    [Fact]
    public async Task A_PostgreSQL_restart_under_load_loses_no_notification_of_a_committed_event()
    {
        // Given a platform on its own PostgreSQL, a question, and eight colleagues asking follow-ups as fast as they can
        await using var postgres = await ThrowawayPostgres.StartAsync();
        // The load is the point here, so the posting limit (per member) is lifted for this server.
        await using var server = await WebServer.StartAsync(postgres.ConnectionString,
            new Dictionary<string, string?> { ["RateLimits:Posting:PermitLimit"] = "100000" });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var owner = await Api.RegisterAtAsync(http, "Eigenaar");
        var askers = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Api.RegisterAtAsync(http, $"Collega {i}")));
        var question = await http.PostAsAsync<QuestionWritten>(owner, "/api/questions", QuestionSteps.AUniqueQuestion());

        // When PostgreSQL restarts twice while they ask
        var acknowledged = 0;
        using var stop = new CancellationTokenSource();
        var load = askers.Select(asker => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await http.PostAsAsync(asker, $"/api/questions/{question.QuestionId}/follow-ups",
                        new { text = $"Hoe ziet dat eruit in groep {Random.Shared.Next(1, 9)}, week {Guid.NewGuid():N}?" });
                    if (response.StatusCode == HttpStatusCode.Created) Interlocked.Increment(ref acknowledged);
                }
                catch (HttpRequestException)
                {
                    // The server may drop a request while the database is away; only acknowledged writes are counted.
                }
            }
        })).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await postgres.Server.RestartAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await postgres.Server.RestartAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(load);

        // Then every follow-up that committed reaches the question's owner as a notification, exactly once
        var store = server.Services.GetRequiredService<IDocumentStore>();
        var committed = await CommittedFollowUpsAsync(store, question.QuestionId);
        committed.ShouldBeGreaterThanOrEqualTo(acknowledged);
        acknowledged.ShouldBeGreaterThan(0);
        var notified = 0;
        for (var wait = 0; wait < 600 && notified < committed; wait++)
        {
            await Task.Delay(500);
            notified = await NotificationsAsync(store, owner.Id);
        }
        notified.ShouldBe(committed, $"{committed} follow-ups committed ({acknowledged} acknowledged), {notified} notified");
    }

    private static async Task<int> CommittedFollowUpsAsync(IDocumentStore store, Guid questionId)
    {
        await using var session = store.QuerySession();
        return (await session.Events.FetchStreamAsync(questionId)).Count(e => e.Data is FollowUpAsked);
    }

    private static async Task<int> NotificationsAsync(IDocumentStore store, Guid ownerId)
    {
        try
        {
            await using var session = store.QuerySession();
            return await session.Query<Notification>().CountAsync(n => n.MemberId == ownerId && n.Kind == NotificationKinds.FollowUpAsked);
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
        {
            return 0;
        }
    }
}
