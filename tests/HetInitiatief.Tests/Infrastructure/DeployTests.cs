using System.Net.Http.Json;
using HetInitiatief.Questions;
using Npgsql;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// Issue 15: what a deploy relies on. Outside Development the platform runs the handler code generated at build time
/// and leaves the schema to the operator's <c>db-apply</c> (docs/operations.md).
/// </summary>
public sealed class DeployTests(AppFixture fixture)
{
    private const string GeneratedFolder = "Internal/Generated";

    [Fact]
    public async Task A_production_node_on_an_empty_database_changes_nothing_and_starts_after_db_apply()
    {
        // Given an empty database
        await using var postgres = await ThrowawayPostgres.StartAsync();

        // When a Production node starts on it
        var refused = await Should.ThrowAsync<AppStoppedException>(() => AppProcess.StartAsync(postgres.ConnectionString));

        // Then it stops before serving, says what to run, and has created nothing
        refused.ExitCode.ShouldNotBe(0);
        refused.Output.ShouldContain("db-apply");
        (await TablesAsync(postgres.ConnectionString)).ShouldBe(0);

        // And when the operator has run db-apply, the same node starts and serves members
        var apply = await AppProcess.RunCommandAsync(postgres.ConnectionString, ["db-apply"]);
        apply.ExitCode.ShouldBe(0, apply.Output);
        (await TablesAsync(postgres.ConnectionString)).ShouldBeGreaterThan(0);
        using var app = await AppProcess.StartAsync(postgres.ConnectionString);
        var owner = await Api.RegisterAtAsync(app.Http, "Eigenaar");
        var question = await app.Http.PostAsAsync<QuestionWritten>(owner, "/api/questions", QuestionSteps.AUniqueQuestion());
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/questions/{question.QuestionId}")
        {
            Headers = { Authorization = new("Bearer", owner.Token) },
        };
        (await app.Http.SendAsync(read)).EnsureSuccessStatusCode();
        await app.StopAsync();
    }

    [Fact]
    public async Task The_committed_generated_code_is_what_codegen_writes_for_the_code_as_it_is()
    {
        // Given the generated code committed with the platform
        var committed = Path.Combine(AppProcess.WebProjectDirectory, GeneratedFolder);
        var fresh = Directory.CreateTempSubdirectory("het-initiatief-codegen-");
        try
        {
            // When codegen writes it afresh for the handlers and endpoints as they are now
            var write = await AppProcess.RunCommandAsync(fixture.ConnectionString, ["codegen", "write"],
                new Dictionary<string, string> { ["ASPNETCORE_CONTENTROOT"] = fresh.FullName });
            write.ExitCode.ShouldBe(0, write.Output);

            // Then it is the same, file for file: otherwise run `codegen write` (docs/operations.md) and commit the result
            var written = Path.Combine(fresh.FullName, GeneratedFolder);
            Files(written).ShouldBe(Files(committed), "files in Internal/Generated differ; run codegen write");
            foreach (var file in Files(committed))
            {
                (await File.ReadAllTextAsync(Path.Combine(written, file)))
                    .ShouldBe(await File.ReadAllTextAsync(Path.Combine(committed, file)), $"{file} is stale; run codegen write");
            }
        }
        finally
        {
            fresh.Delete(recursive: true);
        }
    }

    private static string[] Files(string folder) =>
        Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal).ToArray();

    private static async Task<long> TablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "select count(*) from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')",
            connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
