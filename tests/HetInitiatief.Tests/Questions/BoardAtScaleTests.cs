using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;
using HetInitiatief.Tests.Moderation;
using Marten;
using Marten.Linq;
using Npgsql;

namespace HetInitiatief.Tests.Questions;

/// <summary>
/// Given three thousand questions of which most are open and none has a success story yet, when PostgreSQL plans
/// the board's page and the home page's stories strip, then both walk an index and stop after a page: neither sorts nor
/// reads every card (issue 16: at 20,000 questions they took 243 ms and 1.2 s, growing with the history).
/// </summary>
public sealed class BoardAtScaleTests(AppFixture app) : IAsyncLifetime
{
    private ScaleNetwork _network = null!;

    public async ValueTask InitializeAsync()
    {
        _network = await ScaleNetwork.StartAsync(app.ConnectionString);
        // Most questions open, none with a story yet: the network before its first success story.
        await _network.SeedAsync(3000);
        var now = ScaleNetwork.Now;
        var cards = Enumerable.Range(0, 3000).Select(i => new QuestionBoardItem(Guid.NewGuid(), Guid.NewGuid(),
            $"Vraag {i}", "Samenvatting", ["didactiek"], "po", i % 50 == 0 ? QuestionStatus.Withdrawn : QuestionStatus.Open,
            0, 0, 1, false, now.AddMinutes(-i), now.AddMinutes(-i), 1, $"Vraag {i} zoektekst", null)).ToList();
        await _network.Store.BulkInsertDocumentsAsync(cards, batchSize: 2000);
        await using var connection = new NpgsqlConnection(_network.ConnectionString);
        await connection.OpenAsync();
        await using var analyze = new NpgsqlCommand("analyze", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => _network.DisposeAsync();

    [Fact]
    public async Task The_open_board_walks_the_last_activity_index_without_sorting()
    {
        await using var session = _network.Store.QuerySession();
        var page = session.Query<QuestionBoardItem>().Where(x => x.Status == QuestionStatus.Open)
            .OrderByDescending(x => x.LastActivityAt).Take(QuestionBoard.PageSize + 1);

        var plan = await ExplainAsync(page.ToCommand(FetchType.FetchMany));

        plan.ShouldContain("Index Scan Backward", customMessage: plan);
        plan.ShouldNotContain("Sort", customMessage: plan);
    }

    [Fact]
    public async Task The_stories_strip_reads_only_questions_with_a_story()
    {
        await using var session = _network.Store.QuerySession();
        var latest = session.Query<QuestionDetails>().Where(q => q.LastStoryAt != null)
            .OrderByDescending(q => q.LastStoryAt).Take(6);

        var plan = await ExplainAsync(latest.ToCommand(FetchType.FetchMany));

        plan.ShouldContain("Index Scan", customMessage: plan);
        plan.ShouldNotContain("Seq Scan", customMessage: plan);
        // Not a walk through every question without a story, discarding them one by one.
        plan.ShouldNotContain("Rows Removed by Filter", customMessage: plan);
    }

    private async Task<string> ExplainAsync(NpgsqlCommand command)
    {
        await using var connection = new NpgsqlConnection(_network.ConnectionString);
        await connection.OpenAsync();
        await using var explain = new NpgsqlCommand($"explain analyze {command.CommandText}", connection);
        foreach (NpgsqlParameter parameter in command.Parameters) explain.Parameters.Add(parameter.Clone());
        var plan = new List<string> { command.CommandText };
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        return string.Join('\n', plan);
    }
}
