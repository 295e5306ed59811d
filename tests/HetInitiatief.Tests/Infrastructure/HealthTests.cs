using Alba;
using HetInitiatief.Infrastructure;
using HetInitiatief.Mail;
using HetInitiatief.Notifications;
using JasperFx;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wolverine.Runtime;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// <c>/health/ready</c> on platforms of their own, so no other test's dead letters or mail decide what they report.
/// </summary>
public sealed class HealthTests(AppFixture app)
{
    [Fact]
    public async Task A_fresh_platform_is_ready_and_each_check_says_why()
    {
        // Given a platform that has done nothing yet
        await using var host = await OwnPlatform.StartAsync(app);

        // When a probe asks whether it is ready
        var result = await host.Scenario(x => { x.Get.Url("/health/ready"); x.StatusCodeShouldBeOk(); });

        // Then it answers in JSON, every check healthy with its reason, and no async daemon to watch
        result.Context.Response.ContentType.ShouldBe("application/json; charset=utf-8");
        var ready = (await result.ReadAsJsonAsync<Readiness>()).ShouldNotBeNull();
        ready.Status.ShouldBe("Healthy");
        ready.Checks.ShouldBe(new Dictionary<string, Readiness.Check>
        {
            ["postgres"] = new("Healthy", "PostgreSQL answers"),
            ["mail"] = new("Healthy", "All mail delivered or on its way"),
            ["deadLetters"] = new("Healthy", "No dead letters"),
            ["asyncDaemon"] = new("Healthy", "No async projections or subscriptions"),
        }, ignoreOrder: true);
        await host.Scenario(x => { x.Get.Url("/health/live"); x.ContentShouldBe("Healthy"); });
    }

    [Fact]
    public async Task Messages_in_the_dead_letters_make_ready_degraded_saying_how_many()
    {
        // Given a platform where Wolverine gave up on two messages
        await using var host = await OwnPlatform.StartAsync(app);
        await DeadLetterAsync(host);
        await DeadLetterAsync(host);

        // When a probe asks
        var ready = await host.ReadinessAsync();

        // Then the platform is still ready (200) but degraded, and the dead letters say how many and where to look
        ready.Status.ShouldBe("Degraded");
        ready.Checks["deadLetters"].Status.ShouldBe("Degraded");
        ready.Checks["deadLetters"].Description.ShouldBe(
            "2 message(s) in the dead letters, not handled even after retrying (see /beheer/vastgelopen-berichten)");
        ready.Checks["postgres"].Status.ShouldBe("Healthy");
        ready.Checks["mail"].Status.ShouldBe("Healthy");
    }

    [Fact]
    public async Task Undeliverable_mail_makes_ready_degraded_saying_what_is_failing_and_dead()
    {
        // Given a platform with one mail being retried and one that is dead
        await using var host = await OwnPlatform.StartAsync(app);
        await using (var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            var now = DateTimeOffset.UtcNow;
            session.Store(new OutgoingMail(Guid.NewGuid(), "a@school.example", "Onderwerp", "Tekst", now,
                OutgoingMail.Failing, Attempts: 1, LastError: "421 try again later"));
            session.Store(new OutgoingMail(Guid.NewGuid(), "b@school.example", "Onderwerp", "Tekst", now,
                OutgoingMail.Dead, Attempts: 1, LastError: "550 no such user"));
            await session.SaveChangesAsync();
        }

        // When a probe asks
        var ready = await host.ReadinessAsync();

        // Then it is degraded, and the mail check says how many of each and where admins see them
        ready.Status.ShouldBe("Degraded");
        ready.Checks["mail"].ShouldBe(new Readiness.Check("Degraded",
            "Mail not delivered: 1 failing (being retried), 1 dead (see /beheer/uitgaande-mail)"));
        ready.Checks["deadLetters"].Status.ShouldBe("Healthy");
    }

    [Fact]
    public void Without_async_shards_there_is_nothing_for_a_daemon_to_run()
    {
        var verdict = ProjectionDaemonHealth.Verdict([], agents: null);

        (verdict.Status, verdict.Description).ShouldBe((HealthStatus.Healthy, "No async projections or subscriptions"));
    }

    [Fact]
    public void Async_shards_without_a_daemon_are_degraded_naming_the_shards()
    {
        var verdict = ProjectionDaemonHealth.Verdict(["Radar:All", "Digest:All"], agents: null);

        (verdict.Status, verdict.Description).ShouldBe(
            (HealthStatus.Degraded, "No async daemon runs for 2 async projection(s): Radar:All, Digest:All"));
    }

    [Fact]
    public void A_stopped_or_paused_agent_is_degraded_naming_its_shard_and_since_when()
    {
        // Given a daemon with one agent running, one paused after failures and one stopped
        var paused = new DateTimeOffset(2026, 12, 6, 21, 0, 0, TimeSpan.Zero);
        ShardAgent[] agents =
        [
            new("Radar:All", AgentStatus.Running, null),
            new("Digest:All", AgentStatus.Paused, paused),
            new("Matches:All", AgentStatus.Stopped, null),
        ];

        // When health is judged
        var verdict = ProjectionDaemonHealth.Verdict(["Radar:All", "Digest:All", "Matches:All"], agents);

        // Then it is degraded, and the reason names each halted shard
        verdict.Status.ShouldBe(HealthStatus.Degraded);
        verdict.Description.ShouldBe(
            "Async daemon: Digest:All is paused since 2026-12-06 21:00:00Z; Matches:All is stopped");
    }

    [Fact]
    public void Running_agents_are_healthy_also_when_another_node_runs_the_rest()
    {
        var verdict = ProjectionDaemonHealth.Verdict(
            ["Radar:All", "Digest:All"], [new("Radar:All", AgentStatus.Running, null)]);

        (verdict.Status, verdict.Description).ShouldBe(
            (HealthStatus.Healthy, "Async daemon runs 1 of 2 shard(s) on this node"));
    }

    /// <summary>A message moved to the dead letters the way Wolverine does after the last retry.</summary>
    private static async Task DeadLetterAsync(IAlbaHost host)
    {
        var runtime = host.Services.GetRequiredService<IWolverineRuntime>();
        var news = new QuestionNews(
            Guid.NewGuid(), Guid.NewGuid(), QuestionNews.Asked, Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
        var envelope = runtime.RoutingFor(typeof(QuestionNews)).RouteForPublish(news, null).Single();
        envelope.Data = envelope.Serializer!.Write(envelope);
        await runtime.Storage.Inbox.MoveToDeadLetterStorageAsync(
            envelope, new InvalidOperationException("De handler gaf het op."));
    }
}
