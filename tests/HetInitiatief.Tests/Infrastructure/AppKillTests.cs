using System.Diagnostics;
using System.Net;
using System.Reflection;
using HetInitiatief.Infrastructure;
using HetInitiatief.Questions;
using Npgsql;
using Shouldly;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// The app process killed (no shutdown, no flush) while members write: what committed must still reach the people it
/// concerns once the app runs again. The app runs as its own process on its own PostgreSQL, as it does in production.
/// </summary>
public sealed class AppKillTests
{
    [Fact]
    public async Task Killing_the_app_under_load_loses_no_notification_of_a_committed_event()
    {
        // Given the platform as a process of its own, a question, and eight colleagues asking follow-ups
        var ct = TestContext.Current.CancellationToken;
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var port = AppProcess.FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var app = await StartAppAsync(postgres.ConnectionString, port, http);
        TestMember owner;
        QuestionWritten question;
        TestMember[] askers;
        try
        {
            owner = await Api.RegisterAtAsync(http, "Eigenaar");
            askers = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Api.RegisterAtAsync(http, $"Collega {i}")));
            question = await http.PostAsAsync<QuestionWritten>(owner, "/api/questions", QuestionSteps.AUniqueQuestion());

            // When the process is killed while they ask
            using var stop = new CancellationTokenSource();
            var load = askers.Select(a => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        using var response = await http.PostAsAsync(a, $"/api/questions/{question.QuestionId}/follow-ups",
                            new { text = $"Hoe ziet dat eruit in week {Guid.NewGuid():N}?" });
                    }
                    catch (HttpRequestException)
                    {
                        // The process is gone; what it committed before is what counts.
                    }
                }
            })).ToList();
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync(ct);
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }
        finally
        {
            if (!app.HasExited) app.Kill(entireProcessTree: true);
            app.Dispose();
        }

        // Then, once the app runs again, every follow-up that committed reaches the owner as a notification, exactly once
        var committed = await CountAsync(postgres.ConnectionString,
            "select count(*) from het_initiatief.mt_events where stream_id = $1 and type = 'follow_up_asked'", question.QuestionId);
        committed.ShouldBeGreaterThan(0);
        using var again = await StartAppAsync(postgres.ConnectionString, port, http);
        try
        {
            var notified = 0L;
            for (var wait = 0; wait < 600 && notified < committed; wait++)
            {
                await Task.Delay(500, ct);
                notified = await CountAsync(postgres.ConnectionString,
                    "select count(*) from het_initiatief.mt_doc_notification where data ->> 'MemberId' = $1::text and data ->> 'Kind' = 'followUpAsked'",
                    owner.Id);
            }
            notified.ShouldBe(committed, $"{committed} follow-ups committed, {notified} notified");
        }
        finally
        {
            again.Kill(entireProcessTree: true);
            await again.WaitForExitAsync(ct);
        }
    }

    private static async Task<Process> StartAppAsync(string connectionString, int port, HttpClient http)
    {
        var webProject = typeof(AppKillTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "WebProjectDirectory").Value!;
        // The tests run from bin/<configuration>/<framework>; the app was built next to them, the same way.
        var framework = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = framework.Parent!.Name;
        var dll = Path.Combine(webProject, "bin", configuration, framework.Name, "HetInitiatief.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = webProject,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                [$"ConnectionStrings__{Database.ConnectionStringName}"] = connectionString,
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                // The load is the point here, so the posting limit (per member) is lifted for this process.
                ["RateLimits__Posting__PermitLimit"] = "100000",
            },
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app stopped with exit code {process.ExitCode}");
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK) return process;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(500);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The app did not become ready within two minutes");
    }

    private static async Task<long> CountAsync(string connectionString, string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = id } } };
        return (long)(await command.ExecuteScalarAsync())!;
    }

}
