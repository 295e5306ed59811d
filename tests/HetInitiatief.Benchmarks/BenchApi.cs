using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace HetInitiatief.Benchmarks;

/// <summary>What every measurement does through the API: register a member, post a question, time a push.</summary>
public static class BenchApi
{
    /// <summary>A member who confirmed their address from the mailed link (unconfirmed members write nothing).</summary>
    public static async Task<string> RegisterAsync(HttpClient http, ConfirmationMail mail)
    {
        var email = $"{Guid.NewGuid():N}@bench.example";
        const string password = "benchmark-wachtwoord-1";
        (await http.PostAsJsonAsync("/api/members",
            new { name = "Bench Mark", email, password, school = "Benchschool", sector = "po" })).EnsureSuccessStatusCode();
        // Writes wait for a confirmed address (Members/UnconfirmedWrites.cs).
        (await http.PostAsJsonAsync("/api/members/confirm", new { token = await mail.TokenAsync(email) }))
            .EnsureSuccessStatusCode();
        var answer = await (await http.PostAsJsonAsync("/api/auth/token", new { email, password }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<TokenResponse>();
        return answer!.AccessToken;
    }

    public static async Task<Guid> PostQuestionAsync(HttpClient http)
    {
        var response = await http.PostAsJsonAsync("/api/questions", new
        {
            title = "Hoe geef ik betere woordenschatlessen?", context = Load.QuestionContext,
            whyMine = "Begrijpend lezen blijft achter.", alreadyKnown = "De viertakt.",
            themes = new[] { "taal-en-lezen" }, sector = "po",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Written>())!.QuestionId;
    }

    /// <summary>
    /// Posts at a steady rate through <paramref name="writer"/> while a board watcher connected to <paramref name="hub"/>
    /// (WebSockets without negotiation, as the browser connects) listens: per post, the time from its HTTP answer
    /// reaching the client to its push reaching the watcher; and how many posts were made.
    /// </summary>
    public static async Task<(List<double> Ms, int Posted)> PushLatencyAsync(
        HttpClient writer, Uri hub, string token, int postsPerSecond, TimeSpan duration)
    {
        var pushedAt = new ConcurrentDictionary<Guid, long>();
        await using var watcher = new HubConnectionBuilder()
            .WithUrl(hub, o =>
            {
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        watcher.On<Changed>("questionChanged", change => pushedAt.TryAdd(change.QuestionId, Stopwatch.GetTimestamp()));
        await watcher.StartAsync();
        await watcher.InvokeAsync("WatchBoard");

        var respondedAt = new ConcurrentDictionary<Guid, long>();
        await Load.SteadyAsync(postsPerSecond, duration,
            async () => respondedAt[await PostQuestionAsync(writer)] = Stopwatch.GetTimestamp());
        await Task.Delay(2000);

        // A push can beat the HTTP response to the client; that counts as no delay at all.
        var ms = respondedAt
            .Where(r => pushedAt.ContainsKey(r.Key))
            .Select(r => Math.Max(0, Stopwatch.GetElapsedTime(r.Value, pushedAt[r.Key]).TotalMilliseconds))
            .ToList();
        return (ms, respondedAt.Count);
    }
}
