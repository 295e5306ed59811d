using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Npgsql;

namespace HetInitiatief.Benchmarks;

/// <summary>
/// Sign-ups under load: many members at once for one small session, and a flood spread over many
/// sessions. The raw baseline does the same with plain SQL: lock the session row, insert the sign-up
/// as seat or waitlist depending on the count, bump the count.
/// </summary>
public sealed class SessionSignUps(HttpClient http, NpgsqlDataSource dataSource, Func<Cpu> cpu)
{
    public sealed record Result(string Scenario, int Requests, double RawPerSecond, double AppPerSecond, int Conflicts, int Failures, double P99, bool InvariantHolds, string Invariant,
        Cpu RawCpuPerOp, Cpu AppCpuPerOp);

    public async Task PrepareRawAsync()
    {
        await using var command = dataSource.CreateCommand("""
            create schema if not exists raw_baseline;
            drop table if exists raw_baseline.sign_ups;
            drop table if exists raw_baseline.sessions;
            create table raw_baseline.sessions (id uuid primary key, capacity int not null, taken int not null default 0);
            create table raw_baseline.sign_ups (session_id uuid not null references raw_baseline.sessions(id), member_id uuid not null,
                seated boolean not null, at timestamptz not null default clock_timestamp(), primary key (session_id, member_id));
            """);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<Result> RunAsync(string scenario, IReadOnlyList<(string Token, Guid Id)> members, int sessions, int capacity, int signUpsPerMember, string hostToken)
    {
        var pairs = members.SelectMany((m, i) => Enumerable.Range(0, signUpsPerMember).Select(k => (Member: m, Session: (i * signUpsPerMember + k) % sessions))).ToList();
        var rawStart = cpu();
        var raw = await RawAsync(pairs.Select(p => (p.Member.Id, p.Session)).ToList(), sessions, capacity);
        var rawUsed = cpu() - rawStart;

        var sessionIds = new List<Guid>();
        for (var i = 0; i < sessions; i++) sessionIds.Add(await ScheduleAsync(hostToken, capacity));
        var latencies = new ConcurrentBag<double>();
        var (conflicts, failures) = (0, 0);
        var appStart = cpu();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(pairs.Select(async p =>
        {
            var started = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{sessionIds[p.Session]}/sign-ups");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", p.Member.Token);
            using var response = await http.SendAsync(request);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if ((int)response.StatusCode == 409) Interlocked.Increment(ref conflicts);
            else if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
        }));
        var rate = pairs.Count / stopwatch.Elapsed.TotalSeconds;
        var appUsed = cpu() - appStart;

        var (holds, invariant) = await CheckAsync(sessionIds, capacity, pairs.GroupBy(p => p.Session).ToDictionary(g => sessionIds[g.Key], g => g.Count()));
        var perOp = 1.0 / pairs.Count;
        return new Result(scenario, pairs.Count, raw, rate, conflicts, failures, Load.Percentile(latencies.Order().ToList(), 99), holds, invariant,
            rawUsed * perOp, appUsed * perOp);
    }

    private async Task<double> RawAsync(IReadOnlyList<(Guid Member, int Session)> pairs, int sessions, int capacity)
    {
        var ids = Enumerable.Range(0, sessions).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids)
        {
            await using var create = dataSource.CreateCommand("insert into raw_baseline.sessions (id, capacity) values ($1, $2)");
            create.Parameters.Add(new() { Value = id });
            create.Parameters.Add(new() { Value = capacity });
            await create.ExecuteNonQueryAsync();
        }
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(pairs.Select(async p =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var batch = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    new("select taken from raw_baseline.sessions where id = $1 for update") { Parameters = { new() { Value = ids[p.Session] } } },
                    new("insert into raw_baseline.sign_ups (session_id, member_id, seated) select $1, $2, taken < capacity from raw_baseline.sessions where id = $1")
                    {
                        Parameters = { new() { Value = ids[p.Session] }, new() { Value = p.Member } },
                    },
                    new("update raw_baseline.sessions set taken = taken + 1 where id = $1 and taken < capacity") { Parameters = { new() { Value = ids[p.Session] } } },
                },
            };
            await batch.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }));
        return pairs.Count / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>Per session: never beyond capacity, every accepted request has a seat or a place in line, events agree.</summary>
    private async Task<(bool, string)> CheckAsync(IReadOnlyList<Guid> sessionIds, int capacity, IReadOnlyDictionary<Guid, int> requested)
    {
        var violations = 0;
        var (seats, waiting) = (0, 0);
        foreach (var id in sessionIds)
        {
            await using var command = dataSource.CreateCommand("""
                select jsonb_array_length(data -> 'Participants'), jsonb_array_length(data -> 'Waitlist'),
                       (select count(*) from het_initiatief.mt_events e where e.stream_id = $1 and e.type in ('member_signed_up', 'member_waitlisted'))
                from het_initiatief.mt_doc_session where id = $1
                """);
            command.Parameters.Add(new() { Value = id });
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (participants, line, events) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2));
            seats += participants;
            waiting += line;
            if (participants > capacity || participants + line != requested.GetValueOrDefault(id) || events != participants + line) violations++;
        }
        return (violations == 0, $"{seats} seated + {waiting} waiting = {seats + waiting} of {requested.Values.Sum()} requests; {violations} sessions off");
    }

    private async Task<Guid> ScheduleAsync(string token, int capacity)
    {
        var starts = DateTimeOffset.UtcNow.AddDays(14);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions")
        {
            Content = JsonContent.Create(new
            {
                title = "Benchmark-werkplaats", description = "Benchmark.", type = "werkplaats", format = "fysiek", startsAt = starts,
                endsAt = starts.AddHours(2), location = "Benchmark", capacity, minimum = 1, signUpDeadline = starts.AddDays(-1), theme = "didactiek",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Scheduled>())!.SessionId;
    }

    private sealed record Scheduled(Guid SessionId);
}
