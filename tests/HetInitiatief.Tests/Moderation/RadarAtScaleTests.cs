using HetInitiatief.Coalitions;
using HetInitiatief.Initiative;
using HetInitiatief.Moderation;
using HetInitiatief.Offers;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HetInitiatief.Tests.Moderation;

/// <summary>
/// The radar on a seeded network of two thousand questions: its bounded reads give exactly the items the full scan
/// gives (the longest waiting of each kind), load a bounded number of documents, and walk the indexes made for them.
/// </summary>
public sealed class RadarAtScaleTests(AppFixture app) : IAsyncLifetime
{
    private ScaleNetwork _network = null!;

    public async ValueTask InitializeAsync()
    {
        _network = await ScaleNetwork.StartAsync(app.ConnectionString);
        await _network.SeedAsync(2000);
    }

    public ValueTask DisposeAsync() => _network.DisposeAsync();

    private RadarSettings Settings => _network.Server.Services.GetRequiredService<RadarSettings>() with { ItemsPerKind = 25 };

    [Fact]
    public async Task The_bounded_radar_shows_what_the_full_scan_shows_of_each_kind()
    {
        await using var session = _network.Store.QuerySession();
        var bounded = await RadarEndpoints.ComputeAsync(session, Settings, ScaleNetwork.Now, default);
        var full = await FullScanAsync(session, Settings, ScaleNetwork.Now);

        var expected = RadarReads.Bounded(full.Items, new HashSet<Guid>(), Settings.ItemsPerKind);
        // Items waiting since the same moment may come in either order.
        bounded.Items.Select(i => i.Key).Order().ShouldBe(expected.Select(i => i.Key).Order());
        bounded.Items.OrderBy(i => i.Key).ToList().ShouldBe(expected.OrderBy(i => i.Key).ToList());
        bounded.Items.Select(i => i.Since).ShouldBeInOrder();
        bounded.HeatMap.ShouldBe(full.HeatMap);
        bounded.Items.Select(i => i.Kind).Distinct().Count().ShouldBeGreaterThanOrEqualTo(4);
        full.Items.Count.ShouldBeGreaterThan(bounded.Items.Count, "the seeded network has more waiting than the radar shows");
    }

    [Fact]
    public async Task The_radar_loads_a_bounded_number_of_documents()
    {
        await using var session = _network.Store.QuerySession();
        var facts = await RadarReads.FactsAsync(session, Settings, ScaleNetwork.Now, default);
        var open = await session.Query<QuestionDetails>().CountAsync(q => q.Status == QuestionStatus.Open);

        open.ShouldBeGreaterThan(1000);
        // Two kinds of question item and four of coalition item, two for initiatives: each at most its limit.
        facts.OpenQuestions.Count.ShouldBeLessThanOrEqualTo(7 * Settings.ItemsPerKind);
        facts.OpenCoalitions.Count.ShouldBeLessThanOrEqualTo(4 * Settings.ItemsPerKind);
    }

    [Fact]
    public async Task The_radar_queries_walk_their_indexes()
    {
        var unprobed = await ExplainAsync($"""
            select d.data from {Table("questiondetails")} d
            where d.data ->> 'Status' = 'open' and jsonb_array_length(d.data -> 'FollowUps') = 0
              and {RadarReads.Moment("d.data ->> 'PostedAt'")} <= now() and d.id <> all(array[]::uuid[])
            order by {RadarReads.Moment("d.data ->> 'PostedAt'")} limit 25
            """);
        unprobed.ShouldContain(RadarReads.UnprobedIndex);
        unprobed.ShouldNotContain("Sort");

        var unanswered = RadarReads.OldestUnanswered("d.data");
        var waiting = await ExplainAsync($"""
            select d.data from {Table("questiondetails")} d
            where d.data ->> 'Status' = 'open' and d.id <> all(array[]::uuid[]) and {unanswered} <= now()
            order by {unanswered} limit 25
            """);
        waiting.ShouldContain(RadarReads.UnansweredIndex);
        waiting.ShouldNotContain("Sort");

        var idle = await ExplainAsync($"""
            select d.data from {Table("coalitiondetails")} d
            where d.data ->> 'Status' = 'open' and {RadarReads.Moment("d.data ->> 'LastActivityAt'")} <= now()
            order by {RadarReads.Moment("d.data ->> 'LastActivityAt'")} limit 25
            """);
        idle.ShouldContain(RadarReads.OpenCoalitionsIndex);

        var reached = await ExplainAsync($"""
            select d.data from {Table("coalitiondetails")} d
            where d.data ->> 'Status' = 'open' and {RadarReads.Moment("d.data ->> 'ThresholdReachedAt'")} <= now()
            order by {RadarReads.Moment("d.data ->> 'ThresholdReachedAt'")} limit 25
            """);
        reached.ShouldContain(RadarReads.ReachedIndex);
        reached.ShouldNotContain("Sort");

        var offers = await ExplainAsync($"""
            select d.data from {Table("proposal")} d where {RadarReads.Moment("d.data ->> 'MadeAt'")} >= now() - interval '90 days'
            """);
        offers.ShouldContain(RadarReads.ProposalMadeAtIndex);
    }

    private static string Table(string name) => $"{HetInitiatief.Infrastructure.Database.Schema}.mt_doc_{name}";

    private async Task<string> ExplainAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_network.ConnectionString);
        await connection.OpenAsync();
        await using var explain = new NpgsqlCommand($"explain {sql}", connection);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        return string.Join('\n', plan);
    }

    /// <summary>The radar as it was computed before it was bounded: every open question, coalition and offer.</summary>
    public static async Task<RadarView> FullScanAsync(IQuerySession session, RadarSettings settings, DateTimeOffset now)
    {
        var hidden = await HiddenContent.HiddenQuestionIdsAsync(session, default);
        var questions = (await session.Query<QuestionDetails>().Where(q => q.Status == QuestionStatus.Open).ToListAsync())
            .Where(q => !hidden.Contains(q.Id)).ToList();
        var coalitions = await session.Query<CoalitionDetails>().Where(c => c.Status == CoalitionStatus.Open).ToListAsync();
        var completed = (await session.Query<InitiativeTimeline>().Where(t => t.Completed != null).ToListAsync())
            .Select(t => new CompletedInitiative(t.Id, t.QuestionId, t.Completed!.At)).ToList();
        var proposals = await session.Query<Proposal>().ToListAsync();
        var since = now - settings.SupplyWindow;
        var sessions = await session.Query<Session>().Where(s => s.StartsAt >= since).ToListAsync();
        var proposalQuestions = (await session.LoadManyAsync<QuestionBoardItem>(proposals.Select(p => p.QuestionId).Distinct()))
            .ToDictionary(q => q.Id);
        var supply = proposals
            .Where(p => proposalQuestions.ContainsKey(p.QuestionId))
            .Select(p => new SupplyFact(proposalQuestions[p.QuestionId].Themes, proposalQuestions[p.QuestionId].Sector, p.MadeAt, p.CoalitionId))
            .Concat(sessions.Where(s => !s.IsCalledOff).Select(s => new SupplyFact([s.Theme], s.Sector, s.StartsAt, s.CoalitionId)))
            .ToList();
        return Radar.Compute(new RadarFacts(questions, coalitions, supply, completed), settings, now);
    }
}
