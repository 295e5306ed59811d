using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HetInitiatief.Questions;
using Npgsql;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// Issue 15: <c>ops/backup.sh</c> and <c>ops/restore.sh</c> carry everything members wrote to another server, where
/// the platform serves it as before (docs/operations.md, "Backup and restore").
/// </summary>
public sealed class BackupRestoreTests
{
    private static readonly string Repository = Path.GetFullPath(Path.Combine(AppProcess.WebProjectDirectory, "..", ".."));

    [Fact]
    public async Task What_members_wrote_is_served_again_from_a_backup_restored_on_another_server()
    {
        // Given a platform where a teacher posted a question and a colleague asked a follow-up
        await using var original = await ThrowawayPostgres.StartAsync();
        (await AppProcess.RunCommandAsync(original.ConnectionString, ["db-apply"])).ExitCode.ShouldBe(0);
        TestMember owner;
        QuestionWritten question;
        var asked = $"Hoe ziet dat eruit in groep {Guid.NewGuid():N}?";
        var posted = QuestionSteps.AUniqueQuestion();
        var title = JsonSerializer.SerializeToElement(posted).GetProperty("title").GetString()!;
        using (var app = await AppProcess.StartAsync(original.ConnectionString))
        {
            owner = await Api.RegisterAtAsync(app.Http, "Eigenaar");
            var colleague = await Api.RegisterAtAsync(app.Http, "Collega");
            question = await app.Http.PostAsAsync<QuestionWritten>(owner, "/api/questions", posted);
            using var followUp = await app.Http.PostAsAsync(colleague, $"/api/questions/{question.QuestionId}/follow-ups",
                new { text = asked });
            followUp.EnsureSuccessStatusCode();
            await app.StopAsync();
        }

        // When the operator backs it up, and restores the backup into a new database on another server
        var folder = Directory.CreateTempSubdirectory("het-initiatief-backup-");
        try
        {
            var backup = await ScriptAsync("ops/backup.sh", "--db", original.ConnectionString, "--out", folder.FullName);
            backup.ExitCode.ShouldBe(0, backup.Output);
            var file = backup.Output.Split('\n').Last(line => line.EndsWith(".dump"));
            Path.GetFileName(file).ShouldMatch(@"^het-initiatief-\d{8}T\d{6}Z\.dump$");
            await using var other = await ThrowawayPostgres.StartAsync();
            var target = new NpgsqlConnectionStringBuilder(other.ConnectionString) { Database = "het_initiatief_teruggezet" }
                .ConnectionString;
            var restore = await ScriptAsync("ops/restore.sh", file, "--db", target);
            restore.ExitCode.ShouldBe(0, restore.Output);

            // Then a Production node starts on it (the schema came along whole) and serves the question with its follow-up
            using var restored = await AppProcess.StartAsync(target);
            using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/questions/{question.QuestionId}")
            {
                Headers = { Authorization = new("Bearer", owner.Token) },
            };
            using var answer = await restored.Http.SendAsync(read);
            answer.StatusCode.ShouldBe(HttpStatusCode.OK);
            var body = await answer.Content.ReadAsStringAsync();
            body.ShouldContain(title);
            body.ShouldContain(asked);

            // And the teacher signs in with their password as before
            using var signIn = await restored.Http.PostAsJsonAsync("/api/auth/token",
                new { email = owner.Email, password = owner.Password });
            signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
            await restored.StopAsync();

            // And restoring over a database that holds the platform's data needs --clean
            var again = await ScriptAsync("ops/restore.sh", file, "--db", target);
            again.ExitCode.ShouldNotBe(0);
            again.Output.ShouldContain("--clean");
            (await ScriptAsync("ops/restore.sh", file, "--db", target, "--clean")).ExitCode.ShouldBe(0);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> ScriptAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Repository, script), .. args])
        {
            WorkingDirectory = Repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The run's own database is in this variable (AppFixture); the scripts must use the one they are given.
        start.Environment.Remove($"ConnectionStrings__{HetInitiatief.Infrastructure.Database.ConnectionStringName}");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout + await stderr);
    }
}
