using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Npgsql;

namespace HetInitiatief.Benchmarks;

/// <summary>
/// Issue 16's read pages on the seeded network: p95 of sequential requests (one at a time, after a warm-up) to the app
/// running as its own Production process, against the p95 of a hand-written SQL query that returns the same rows from
/// the same read models, run with plain Npgsql on the same database (the raw baseline). Pages are fetched as HTML with a
/// bearer token (what a member waits for, rendering included); the JSON API of each is measured too.
/// </summary>
public static class ReadPages
{
    public sealed record Page(string Name, string Path, double TargetMs, string RawSql, Func<Seeded, object[]> Parameters, bool Moderator);

    public sealed record Measured(Page Page, double RawP95, double AppP95, double AppP50, int Samples, int Failures, string? Error);

    private const string S = "het_initiatief";

    /// <summary>
    /// The same rows as the board's first page: 30 open cards by last activity, with owners' names and meters. The
    /// "is not null" (always true) is what a hand-writer adds so PostgreSQL walks the LastActivityAt index: it cannot
    /// estimate <c>data ->> 'Status' = 'open'</c> (it guesses 0.5 %, the truth is 97 %) and otherwise scans and sorts
    /// every card, as Marten's query for the board does (EXPLAIN at 20,000 questions: 243 ms against 0.3 ms).
    /// </summary>
    private const string BoardSql = $"""
        with page as (
          select id, data from {S}.mt_doc_questionboarditem
          where data ->> 'Status' = 'open' and {S}.mt_immutable_timestamptz(data ->> 'LastActivityAt') is not null
          order by {S}.mt_immutable_timestamptz(data ->> 'LastActivityAt') desc
          limit 31)
        select p.id, p.data, m.data ->> 'Name', c.data
        from page p
        left join {S}.mt_doc_memberprofile m on m.id = (p.data ->> 'OwnerId')::uuid
        left join {S}.mt_doc_coalitiondetails c on (c.data ->> 'QuestionId')::uuid = p.id
        """;

    /// <summary>The question page's rows: the details, the coalition, the timeline, and the names of everyone on it.</summary>
    private const string QuestionSql = $"""
        with q as (select id, data from {S}.mt_doc_questiondetails where id = $1),
             c as (select data from {S}.mt_doc_coalitiondetails where (data ->> 'QuestionId')::uuid = $1)
        select q.data, (select data from c), (select data from {S}.mt_doc_initiativetimeline t where (t.data ->> 'QuestionId')::uuid = $1),
               (select json_agg(m.data ->> 'Name') from {S}.mt_doc_memberprofile m where m.id in (
                   select (q.data ->> 'OwnerId')::uuid
                   union select (f ->> 'AskedBy')::uuid from jsonb_array_elements(q.data -> 'FollowUps') f))
        from q
        """;

    /// <summary>
    /// The radar's main kinds by hand: open questions older than 48 h with no follow-up, follow-ups unanswered for 5 days,
    /// open coalitions below their threshold without activity for 4 weeks; newest first, with titles.
    /// </summary>
    private const string RadarSql = $"""
        select 'unprobed', id, data ->> 'Title' from {S}.mt_doc_questionboarditem
          where data ->> 'Status' = 'open' and (data ->> 'FollowUpCount')::int = 0
            and {S}.mt_immutable_timestamptz(data ->> 'PostedAt') < now() - interval '48 hours'
        union all
        select 'unanswered', id, data ->> 'Title' from {S}.mt_doc_questionboarditem
          where data ->> 'Status' = 'open' and (data ->> 'UnansweredFollowUpCount')::int > 0
            and {S}.mt_immutable_timestamptz(data ->> 'LastActivityAt') < now() - interval '5 days'
        union all
        select 'idle', id, null from {S}.mt_doc_coalitiondetails
          where data ->> 'Status' = 'open'
            and {S}.mt_immutable_timestamptz(data ->> 'LastActivityAt') < now() - interval '28 days'
        """;

    /// <summary>The health dashboard's counts: health facts of the window (4 weeks) and the 8 weeks before it, by kind and week.</summary>
    private const string HealthSql = $"""
        select data ->> 'Kind', date_trunc('week', {S}.mt_immutable_timestamptz(data ->> 'At')), count(*), count(distinct data ->> 'MemberId')
        from {S}.mt_doc_healthfact
        where {S}.mt_immutable_timestamptz(data ->> 'At') >= now() - interval '12 weeks'
        group by 1, 2
        """;

    /// <summary>The werkplek's rows: my open questions, my coalitions, open questions in my themes (30 each).</summary>
    private const string WorkspaceSql = $"""
        with me as (select data from {S}.mt_doc_memberprofile where id = $1)
        (select 'mine', id, data from {S}.mt_doc_questionboarditem
          where (data ->> 'OwnerId')::uuid = $1 and data ->> 'Status' = 'open'
          order by {S}.mt_immutable_timestamptz(data ->> 'LastActivityAt') desc limit 30)
        union all
        (select 'coalition', id, data from {S}.mt_doc_coalitiondetails
          where data -> 'Members' @> jsonb_build_array(jsonb_build_object('MemberId', $1::text)) and data ->> 'Status' = 'open'
          limit 30)
        union all
        (select 'theme', id, data from {S}.mt_doc_questionboarditem
          where data ->> 'Status' = 'open' and data -> 'Themes' ?| array(select jsonb_array_elements_text((select data from me) -> 'FollowedThemes'))
            and {S}.mt_immutable_timestamptz(data ->> 'LastActivityAt') is not null
          order by {S}.mt_immutable_timestamptz(data ->> 'LastActivityAt') desc limit 30)
        """;

    public static IReadOnlyList<Page> Pages() =>
    [
        new("board page `/vragen`", "/vragen", 50, BoardSql, _ => [], false),
        new("board API `GET /api/questions`", "/api/questions", 50, BoardSql, _ => [], false),
        new("question page `/vragen/{id}` (longest question stream)", "/vragen/{q}", 50, QuestionSql, s => [s.BusyQuestionId], false),
        new("question API `GET /api/questions/{id}`", "/api/questions/{q}", 50, QuestionSql, s => [s.BusyQuestionId], false),
        new("question page with a coalition `/vragen/{id}`", "/vragen/{c}", 50, QuestionSql, s => [s.QuestionWithCoalitionId], false),
        new("radar page `/moderatie`", "/moderatie", 100, RadarSql, _ => [], true),
        new("radar API `GET /api/moderation/radar`", "/api/moderation/radar", 100, RadarSql, _ => [], true),
        new("health dashboard `/moderatie/gezondheid`", "/moderatie/gezondheid", 100, HealthSql, _ => [], true),
        new("health API `GET /api/health`", "/api/health", 100, HealthSql, _ => [], true),
        new("werkplek `/werkplek`", "/werkplek", 100, WorkspaceSql, s => [s.MemberId], false),
        new("werkplek API `GET /api/me/workspace`", "/api/me/workspace", 100, WorkspaceSql, s => [s.MemberId], false),
    ];

    /// <summary>Measures every page against the app at <paramref name="baseAddress"/> on the seeded copy.</summary>
    public static async Task<List<Measured>> MeasureAsync(
        Uri baseAddress, string connectionString, Seeded seeded, BenchOptions options, Action<string> log)
    {
        using var member = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using var moderator = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        member.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(member, seeded.MemberEmail, seeded.Password));
        moderator.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(moderator, seeded.ModeratorEmail, seeded.Password));
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        if (Statements.Wanted)
        {
            await using var create = dataSource.CreateCommand("create extension if not exists pg_stat_statements");
            await create.ExecuteNonQueryAsync();
        }

        // Quick: a smoke run, enough to show every page answers; full: up to 60 requests, at least 5, within the budget.
        var samples = options.Quick ? 5 : 60;
        var warmUp = options.Quick ? 1 : 3;
        var budget = options.Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(Math.Max(20, options.Duration.TotalSeconds * 4));
        var results = new List<Measured>();
        foreach (var page in Pages())
        {
            var path = page.Path.Replace("{q}", seeded.BusyQuestionId.ToString()).Replace("{c}", seeded.QuestionWithCoalitionId.ToString());
            var http = page.Moderator ? moderator : member;
            var failures = 0;
            string? error = null;
            if (Statements.Wanted) await Statements.ResetAsync(dataSource);
            var app = await TimeAsync(warmUp, samples, budget, async () =>
            {
                using var response = await http.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                {
                    failures++;
                    error ??= $"{(int)response.StatusCode} on {path}";
                }
            });
            if (Statements.Wanted)
            {
                Console.WriteLine($"Statements of {page.Name} at {seeded.Size.Name} (calls per request):");
                await Statements.PrintTopAsync(dataSource, app.Count + warmUp, top: 8);
            }
            var parameters = page.Parameters(seeded);
            var raw = await TimeAsync(warmUp, samples, budget, async () =>
            {
                await using var command = dataSource.CreateCommand(page.RawSql);
                foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value });
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    for (var i = 0; i < reader.FieldCount; i++) reader.GetValue(i);
            });
            var measured = new Measured(page, Load.Percentile(raw, 95), Load.Percentile(app, 95), Load.Percentile(app, 50), app.Count, failures, error);
            log($"read {seeded.Size.Name}: {page.Name}: app p95 {measured.AppP95:F1} ms (p50 {measured.AppP50:F1}), raw p95 {measured.RawP95:F1} ms, {app.Count} samples{(failures > 0 ? $", {failures} failed: {error}" : "")}");
            results.Add(measured);
        }
        return results;
    }

    public static IEnumerable<BenchRow> Rows(IReadOnlyList<Measured> full, IReadOnlyList<Measured>? small, Seeded fullSeed, Seeded? smallSeed)
    {
        foreach (var m in full)
        {
            var met = m.Failures == 0 && m.AppP95 <= m.Page.TargetMs;
            yield return new BenchRow(
                $"{m.Page.Name} p95 at {fullSeed.Size.Members:N0} members, {fullSeed.Size.Questions:N0} questions, {fullSeed.Events:N0} events",
                BenchRow.Ms(m.RawP95), BenchRow.Ms(m.AppP95), BenchRow.Times(m.AppP95 / m.RawP95), $"p95 ≤ {m.Page.TargetMs:F0} ms", met,
                $"{m.Samples} requests one at a time, p50 {m.AppP50:F1} ms" + (m.Failures > 0 ? $"; {m.Failures} failed: {m.Error}" : ""));
        }
        if (small is null || smallSeed is null) yield break;
        foreach (var m in full)
        {
            var s = small.FirstOrDefault(x => x.Page.Name == m.Page.Name);
            if (s is null) continue;
            var growth = m.AppP95 / s.AppP95;
            yield return new BenchRow(
                $"{m.Page.Name}: p95 at {fullSeed.Events:N0} events vs at {smallSeed.Events:N0} (10× less)",
                BenchRow.Ms(s.AppP95), BenchRow.Ms(m.AppP95), BenchRow.Times(growth), "≤ 1.50× (cost does not grow with history)",
                growth <= 1.5 && m.Failures == 0 && s.Failures == 0,
                "raw column: the app at 10× less data");
        }
    }

    private static async Task<List<double>> TimeAsync(int warmUp, int samples, TimeSpan budget, Func<Task> action)
    {
        for (var i = 0; i < warmUp; i++) await action(); // warm-up: JIT, plans, caches
        var ms = new List<double>();
        var clock = Stopwatch.StartNew();
        while (ms.Count < samples && (clock.Elapsed < budget || ms.Count < 5))
        {
            var started = Stopwatch.GetTimestamp();
            await action();
            ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        ms.Sort();
        return ms;
    }

    private static async Task<string> TokenAsync(HttpClient http, string email, string password)
    {
        var response = await http.PostAsJsonAsync("/api/auth/token", new { email, password });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }
}
