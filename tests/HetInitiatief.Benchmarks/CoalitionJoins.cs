using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Npgsql;

namespace HetInitiatief.Benchmarks;

/// <summary>
/// N members join and leave one coalition over and over, concurrently: the hottest single stream the
/// product has. Against it, the raw baseline: the same membership rows inserted and deleted with plain
/// SQL, each bumping a version column on one locked row, at the same concurrency.
/// </summary>
public sealed class CoalitionJoins(HttpClient http, NpgsqlDataSource dataSource)
{
    public sealed record Result(int Concurrency, double RawPerSecond, double AppPerSecond, int Conflicts, int Failures, double P50, double P99, bool InvariantHolds, string Invariant);

    public async Task PrepareRawAsync()
    {
        await using var command = dataSource.CreateCommand("""
            create schema if not exists raw_baseline;
            drop table if exists raw_baseline.coalition_members;
            drop table if exists raw_baseline.coalitions;
            create table raw_baseline.coalitions (id uuid primary key, version bigint not null);
            create table raw_baseline.coalition_members (coalition_id uuid not null references raw_baseline.coalitions(id), member_id uuid not null,
                position text not null, contribution text not null, joined_at timestamptz not null default now(), primary key (coalition_id, member_id));
            """);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<Result> RunAsync(int concurrency, TimeSpan duration, Func<Task<(string Token, Guid Id)>> register, string ownerToken)
    {
        var raw = await RawAsync(concurrency, duration);

        var questionId = await PostQuestionAsync(ownerToken);
        var coalitionId = await FormAsync(ownerToken, questionId);
        var members = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => register()));
        var latencies = new ConcurrentBag<double>();
        var (conflicts, failures) = (0, 0);
        var stopwatch = Stopwatch.StartNew();
        var changes = await Task.WhenAll(members.Select(async member =>
        {
            var done = 0;
            while (stopwatch.Elapsed < duration)
            {
                foreach (var join in new[] { true, false })
                {
                    var started = Stopwatch.GetTimestamp();
                    using var request = join
                        ? new HttpRequestMessage(HttpMethod.Post, $"/api/coalitions/{coalitionId}/members") { Content = JsonContent.Create(new { contribution = "Ik doe mee." }) }
                        : new HttpRequestMessage(HttpMethod.Delete, $"/api/coalitions/{coalitionId}/members/me");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", member.Token);
                    using var response = await http.SendAsync(request);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.IsSuccessStatusCode) done++;
                    else if (response.StatusCode == HttpStatusCode.Conflict) Interlocked.Increment(ref conflicts);
                    else Interlocked.Increment(ref failures);
                }
            }
            return done;
        }));
        var rate = changes.Sum() / stopwatch.Elapsed.TotalSeconds;

        var (holds, invariant) = await CheckInvariantAsync(coalitionId, questionId, ownerToken);
        var sorted = latencies.Order().ToList();
        return new Result(concurrency, raw, rate, conflicts, failures, Load.Percentile(sorted, 50), Load.Percentile(sorted, 99), holds, invariant);
    }

    private async Task<double> RawAsync(int concurrency, TimeSpan duration)
    {
        var coalitionId = Guid.NewGuid();
        await using (var create = dataSource.CreateCommand("insert into raw_baseline.coalitions (id, version) values ($1, 1)"))
        {
            create.Parameters.Add(new() { Value = coalitionId });
            await create.ExecuteNonQueryAsync();
        }
        return await Load.ThroughputAsync(concurrency, duration, async () =>
        {
            var memberId = Guid.NewGuid();
            foreach (var sql in new[]
            {
                "insert into raw_baseline.coalition_members (coalition_id, member_id, position, contribution) values ($1, $2, 'partner', 'Ik doe mee.')",
                "delete from raw_baseline.coalition_members where coalition_id = $1 and member_id = $2",
            })
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await using var batch = new NpgsqlBatch(connection, transaction)
                {
                    BatchCommands =
                    {
                        new("select version from raw_baseline.coalitions where id = $1 for update") { Parameters = { new() { Value = coalitionId } } },
                        new(sql) { Parameters = { new() { Value = coalitionId }, new() { Value = memberId } } },
                        new("update raw_baseline.coalitions set version = version + 1 where id = $1") { Parameters = { new() { Value = coalitionId } } },
                    },
                };
                await batch.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }
        }) * 2;
    }

    /// <summary>Joins minus leaves in the event store, the read model's members, and the stream's version all agree.</summary>
    private async Task<(bool, string)> CheckInvariantAsync(Guid coalitionId, Guid questionId, string ownerToken)
    {
        await using var command = dataSource.CreateCommand("""
            select count(*) filter (where type = 'member_joined_coalition'), count(*) filter (where type = 'member_left_coalition'), max(version)
            from het_initiatief.mt_events where stream_id = $1
            """);
        command.Parameters.Add(new() { Value = coalitionId });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (joins, leaves, version) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/questions/{questionId}/coalition");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ownerToken);
        var view = await (await http.SendAsync(request)).Content.ReadFromJsonAsync<CoalitionView>();
        var inReadModel = view!.Network.Sum(g => g.Members.Count);
        var holds = inReadModel == 1 + joins - leaves && view.Version == version;
        return (holds, $"{joins} joins − {leaves} leaves + owner = {1 + joins - leaves}; read model {inReadModel}; version {view.Version} / stream {version}");
    }

    private async Task<Guid> PostQuestionAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/questions")
        {
            Content = JsonContent.Create(new
            {
                title = "Samen leren over feedback", context = Load.QuestionContext, whyMine = "Benchmark.", alreadyKnown = "Benchmark.",
                themes = new[] { "formatief-evalueren" }, sector = "vo",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Written>())!.QuestionId;
    }

    private async Task<Guid> FormAsync(string token, Guid questionId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/questions/{questionId}/coalition")
        {
            Content = JsonContent.Create(new { threshold = 40, invitation = "Benchmark: samen leren." }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<FormedCoalition>())!.CoalitionId;
    }

    private sealed record FormedCoalition(Guid CoalitionId);

    private sealed record CoalitionView(long Version, IReadOnlyList<Group> Network);

    private sealed record Group(IReadOnlyList<object> Members);
}
