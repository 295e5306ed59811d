using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using HetInitiatief.Errors;
using HetInitiatief.Infrastructure;
using Microsoft.Extensions.Logging;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// PostgreSQL goes away under a running platform (its own server, so no other test notices): members get a Dutch 503
/// with Retry-After, the log says so once, and everything works again when PostgreSQL is back, without a restart.
/// </summary>
public sealed class OutageTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"het-initiatief-outage-{Guid.NewGuid():N}");
    private readonly RecordedLogs _logs = new();
    private LocalPostgres _postgres = null!;
    private WebServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _postgres = await LocalPostgres.StartAsync(_dataDirectory, throwaway: true);
        _server = await WebServer.StartAsync(_postgres.ConnectionString,
            new Dictionary<string, string?>
            {
                ["Mail:OutboxDirectory"] = _dataDirectory + "-outbox",
                // The test run logs warnings and up only (ops/test.sh); the end of an outage is logged as information.
                [$"Logging:LogLevel:{typeof(DatabaseOutage).FullName}"] = "Information",
            },
            builder => builder.Logging.AddProvider(_logs));
    }

    [Fact]
    public async Task An_unreachable_database_is_a_Dutch_503_logged_once_and_the_platform_recovers_without_a_restart()
    {
        using var api = new HttpClient { BaseAddress = _server.BaseAddress };
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new(), AllowAutoRedirect = false }) { BaseAddress = _server.BaseAddress };
        var member = await Api.RegisterAtAsync(api, outbox: _dataDirectory + "-outbox");
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", member.Token);
        (await browser.PostAsJsonAsync("/api/auth/sign-in", new { email = member.Email, password = member.Password })).EnsureSuccessStatusCode();
        (await api.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await PostgresSwitch.StopAsync(_dataDirectory);
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await api.GetAsync("/api/me"));
            answers.Add(await api.GetAsync("/api/questions"));
        }
        var page = await browser.GetAsync("/vragen");

        foreach (var answer in answers)
        {
            answer.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            answer.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            answer.Headers.RetryAfter.ShouldNotBeNull();
            (await answer.Content.ReadFromJsonAsync<Api.ProblemResponse>())!.Detail.ShouldBe(ExceptionAnswers.OutageDetail);
        }
        page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        page.Headers.RetryAfter.ShouldNotBeNull();
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("<html lang=\"nl\"");
        html.ShouldContain("Het platform is even niet bereikbaar");

        await PostgresSwitch.StartAsync(_dataDirectory, _postgres.Port);
        (await Eventually.TrueAsync(async () => (await api.GetAsync("/api/me")).StatusCode == HttpStatusCode.OK)).ShouldBeTrue();
        (await browser.GetAsync("/vragen")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Eventually.TrueAsync(() => Task.FromResult(OutageEntries(LogLevel.Information).Count == 1))).ShouldBeTrue();

        OutageEntries(LogLevel.Warning).Count.ShouldBe(1);
        _logs.Entries.ShouldNotContain(e => e.Category.StartsWith("Microsoft.AspNetCore.Diagnostics", StringComparison.Ordinal));
    }

    private List<RecordedLogs.Entry> OutageEntries(LogLevel level) =>
        _logs.Entries.Where(e => e.Category == typeof(DatabaseOutage).FullName && e.Level == level).ToList();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _postgres.StopAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover folder in the temp directory is harmless.
        }
    }
}

/// <summary>Which failures are an outage (PostgreSQL unreachable), and which are not.</summary>
public sealed class OutageKindTests
{
    public static TheoryData<string, Exception, bool> Failures => new()
    {
        { "connection refused", new Npgsql.NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111)), true },
        { "connection closed", new Npgsql.NpgsqlException("Exception while reading from stream", new EndOfStreamException()), true },
        { "server shutting down", new Npgsql.PostgresException("terminating connection", "FATAL", "FATAL", "57P01"), true },
        { "server starting up", new Npgsql.PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"), true },
        { "connection failure", new Npgsql.PostgresException("connection failure", "FATAL", "FATAL", "08006"), true },
        { "wrapped by Marten", new InvalidOperationException("Marten Command Failure", new Npgsql.NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111))), true },
        { "a refused statement", new Npgsql.PostgresException("duplicate key", "ERROR", "ERROR", "23505"), false },
        { "a command waiting too long", new Npgsql.NpgsqlException("Exception while reading from stream", new TimeoutException()), false },
        { "not the database", new InvalidOperationException("something else"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void An_outage_is_an_unreachable_server_not_a_refused_or_slow_statement(string what, Exception failure, bool outage) =>
        DatabaseOutage.IsOutage(failure).ShouldBe(outage, what);
}
