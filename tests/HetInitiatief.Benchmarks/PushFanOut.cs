using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;

namespace HetInitiatief.Benchmarks;

/// <summary>
/// Issue 16's pushes to many watchers, each against a bare SignalR hub in this process as the baseline (Kestrel and
/// AddSignalR, no database, the same message shape, sent from a sequential queue as the app's push queue is; see
/// <see cref="BareHub"/>), with the same clients:
/// <list type="number">
/// <item>push latency at 20 posts/s with 1,000 clients watching the board: per post and per client, from the POST's
/// response reaching the poster to the push reaching that client; every client must get every push;</item>
/// <item>5,000 idle connections watching the board, one post (so one broadcast to all 5,000) per second; the app's
/// memory per 1,000 connections (VmRSS before and after connecting) and its peak memory afterwards.</item>
/// </list>
/// The clients are <see cref="Watchers"/>: raw WebSockets speaking SignalR's JSON protocol, as the browser connects
/// (WebSockets, no negotiation, the bearer token in <c>access_token</c>), all as one member — the hub has no per-member
/// connection limit and the rate limiter does not apply to it.
/// <c>ops/bench.sh 5 pushes</c> runs this part alone; <c>BENCH_PUSHES=busy</c> or <c>=idle</c> runs one of its two halves.
/// </summary>
public static class PushFanOut
{
    /// <param name="baseAddress">The app, running as its own process (<paramref name="app"/>, for its memory).</param>
    /// <param name="token">A confirmed member's bearer token: the watchers connect and the posts are made with it
    /// (the app must run with a posting rate limit high enough for 20 posts/s).</param>
    public static async Task RunAsync(BenchOptions options, Report report, Uri baseAddress, Process app, string token)
    {
        var took = Stopwatch.StartNew();
        using var poster = new HttpClient { BaseAddress = baseAddress };
        poster.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await using var bare = await BareHub.StartAsync();
        var appHub = new Uri(baseAddress, "/hubs/live");
        Func<Task<Guid>> appPost = () => BenchApi.PostQuestionAsync(poster);
        Func<Task<Guid>> barePost = () => bare.PostAsync();

        // 1. 20 posts/s to 1,000 board watchers.
        var watchers = options.Scaled(1_000, 20);
        var busy = options.Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(Math.Max(10, options.Duration.TotalSeconds * 2));
        Console.WriteLine($"Pushes: 20 posts/s to {watchers} board watchers for {busy.TotalSeconds:0} s, app then bare hub…");
        var part = Environment.GetEnvironmentVariable("BENCH_PUSHES"); // busy or idle: one of the two only
        if (part is null or "busy")
        {
            var appBusy = await MeasureAsync(appHub, token, appPost, watchers, 20, busy, app);
            var bareBusy = await MeasureAsync(bare.Hub, token, barePost, watchers, 20, busy, null);
            report.Add(Row($"push latency p99, 20 posts/s, {watchers:N0} board watchers", appBusy, bareBusy, 150));
        }
        if (part == "busy") return;

        // 2. 5,000 idle connections, one broadcast a second.
        var idle = options.Scaled(5_000, 20);
        var quiet = options.Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(Math.Max(15, options.Duration.TotalSeconds * 3));
        Console.WriteLine($"Pushes: {idle} idle connections, one post a second for {quiet.TotalSeconds:0} s, app then bare hub…");
        var appIdle = await MeasureAsync(appHub, token, appPost, idle, 1, quiet, app);
        var bareIdle = await MeasureAsync(bare.Hub, token, barePost, idle, 1, quiet, null);
        report.Add(Row($"broadcast latency p99, {idle:N0} idle connections, 1 post/s", appIdle, bareIdle, 250));

        var perThousand = (appIdle.RssAfterConnectMb - appIdle.RssBeforeConnectMb) / idle * 1000;
        // The bare hub's server side shares the benchmark process with the clients: its growth on connecting, less the
        // clients' own (the benchmark's growth when the same clients connected to the app).
        var barePerThousand = ((bareIdle.OwnRssAfterConnectMb - bareIdle.OwnRssBeforeConnectMb) -
                               (appIdle.OwnRssAfterConnectMb - appIdle.OwnRssBeforeConnectMb)) / idle * 1000;
        var peak = AppUnderTest.PeakMemoryMegabytes(app.Id);
        report.Add(new BenchRow($"app memory per 1,000 board connections (VmRSS {appIdle.RssBeforeConnectMb:F0} → " +
                                $"{appIdle.RssAfterConnectMb:F0} MB with {idle:N0} connected)",
            $"{barePerThousand:F1} MB", $"{perThousand:F1} MB", BenchRow.Times(perThousand / barePerThousand), "reported", true,
            "bare hub: the benchmark process's growth with its clients, less the clients' own"));
        report.Add(new BenchRow($"app peak memory (VmHWM) after the push fan-out, {idle:N0} connections included", "–",
            $"{peak:F0} MB", "–", "≤ 300 MB", peak <= 300));
        Console.WriteLine($"Pushes: done in {took.Elapsed.TotalSeconds:F0} s");
        report.Note($"Pushes: raw WebSocket clients speaking SignalR's JSON protocol, all in the benchmark process, one " +
                    $"member; baseline: a bare SignalR hub in the benchmark process sending from a sequential queue. " +
                    $"Connect time for {idle:N0}: app {appIdle.ConnectSeconds:F1} s, bare {bareIdle.ConnectSeconds:F1} s.");
    }

    private static BenchRow Row(string measurement, Result app, Result bare, double targetMs)
    {
        var met = app.P(99) <= targetMs && app.Missing == 0 && app.Failed == 0;
        return new BenchRow(measurement, BenchRow.Ms(bare.P(99)), BenchRow.Ms(app.P(99)), BenchRow.Times(app.P(99) / bare.P(99)),
            $"p99 ≤ {targetMs:F0} ms, every client every push", met,
            $"app p50/p95/max {BenchRow.Ms(app.P(50))}/{BenchRow.Ms(app.P(95))}/{BenchRow.Ms(app.Max)}, " +
            $"{app.Received:N0} of {app.Expected:N0} pushes, {app.Missing:N0} missing{(app.Failed > 0 ? $", {app.Failed} posts failed" : "")}; " +
            $"bare p50/p95/max {BenchRow.Ms(bare.P(50))}/{BenchRow.Ms(bare.P(95))}/{BenchRow.Ms(bare.Max)}, {bare.Missing:N0} missing; " +
            $"load average {app.LoadAverage} / {bare.LoadAverage}");
    }

    public sealed record Result(List<double> SortedMs, long Expected, long Received, long Missing, int Failed,
        double ConnectSeconds, double RssBeforeConnectMb, double RssAfterConnectMb, double OwnRssBeforeConnectMb,
        double OwnRssAfterConnectMb)
    {
        /// <summary>The machine's 1-minute load average at the end of the measurement: the machine is shared.</summary>
        public string LoadAverage { get; init; } = "";

        public double P(double p) => Load.Percentile(SortedMs, p);

        public double Max => SortedMs.Count == 0 ? double.NaN : SortedMs[^1];
    }

    /// <summary>
    /// Connects <paramref name="clients"/> board watchers to <paramref name="hub"/>, posts at a steady
    /// <paramref name="postsPerSecond"/> for <paramref name="duration"/>, waits until every push arrived (or a grace
    /// period passed), and pairs every client's arrivals with the posts' responses.
    /// </summary>
    public static async Task<Result> MeasureAsync(Uri hub, string token, Func<Task<Guid>> post, int clients,
        double postsPerSecond, TimeSpan duration, Process? server)
    {
        var rssBefore = server is null ? double.NaN : RssMegabytes(server);
        var ownRssBefore = RssMegabytes(Process.GetCurrentProcess());
        var connecting = Stopwatch.StartNew();
        await using var watchers = await Watchers.ConnectAsync(hub, token, clients);
        connecting.Stop();
        await Task.Delay(500);
        var rssAfter = server is null ? double.NaN : RssMegabytes(server);
        var ownRssAfter = RssMegabytes(Process.GetCurrentProcess());

        var respondedAt = new ConcurrentDictionary<Guid, long>();
        var failed = 0;
        var serverCpu = CpuMs(server);
        var ownCpu = CpuMs(Process.GetCurrentProcess());
        var posting = Stopwatch.StartNew();
        await Load.SteadyAsync(postsPerSecond, duration, async () =>
        {
            try
            {
                var id = await post();
                respondedAt[id] = Stopwatch.GetTimestamp();
            }
            catch (Exception e)
            {
                if (Interlocked.Increment(ref failed) == 1) Console.WriteLine($"  a post failed: {e.Message}");
            }
        });
        var expected = (long)respondedAt.Count * clients;
        // Every push should be there within the target; give stragglers a few seconds so "missing" means lost.
        var grace = Stopwatch.StartNew();
        while (watchers.Arrivals(respondedAt) < expected && grace.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(100);

        serverCpu = CpuMs(server) - serverCpu;
        ownCpu = CpuMs(Process.GetCurrentProcess()) - ownCpu;
        var ms = new List<double>((int)Math.Min(expected, int.MaxValue));
        long received = 0;
        foreach (var client in watchers.Clients)
        {
            var seen = new HashSet<Guid>();
            // Late pushes may still be arriving: take what had arrived by now.
            var pushes = client.Pushes;
            for (int i = 0, count = pushes.Count; i < count; i++)
            {
                var (id, at) = pushes[i];
                if (!respondedAt.TryGetValue(id, out var answered) || !seen.Add(id)) continue;
                received++;
                // A push can beat the HTTP response to the client; that counts as no delay at all.
                ms.Add(Math.Max(0, Stopwatch.GetElapsedTime(answered, at).TotalMilliseconds));
            }
        }
        ms.Sort();
        var closed = watchers.Clients.Count(c => c.Closed);
        if (closed > 0) Console.WriteLine($"  {closed} of {clients} connections were closed during the run");
        var result = new Result(ms, expected, received, expected - received, failed, connecting.Elapsed.TotalSeconds, rssBefore, rssAfter,
            ownRssBefore, ownRssAfter) { LoadAverage = File.ReadAllText("/proc/loadavg").Split(' ')[0] };
        Console.WriteLine($"  {(server is null ? "bare hub" : "app")}: {clients} watchers connected in {result.ConnectSeconds:F1} s; " +
                          $"p50 {result.P(50):F1} ms, p95 {result.P(95):F1} ms, p99 {result.P(99):F1} ms, max {result.Max:F1} ms; " +
                          $"{received:N0} of {expected:N0} pushes ({respondedAt.Count} posts, {failed} failed)" +
                          (server is null ? "" : $"; app VmRSS {rssBefore:F0} → {rssAfter:F0} MB on connecting") +
                          $"; CPU while posting: app {serverCpu:F0} ms, benchmark process {ownCpu:F0} ms over {posting.Elapsed.TotalSeconds:F1} s; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        return result;
    }

    private static double CpuMs(Process? process)
    {
        if (process is null) return 0;
        process.Refresh();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    public static double RssMegabytes(Process process) => StatusMegabytes(process, "VmRSS:");

    private static double StatusMegabytes(Process process, string field)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith(field));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }
}

/// <summary>
/// Many board watchers in one process. Not <c>HubConnection</c>s: each of those brings its own transport pipes, timers,
/// handler and protocol machinery, far too much for 5,000 in a process that shares two cores with the app. Each watcher
/// here is one <see cref="ClientWebSocket"/> (on one shared handler) speaking SignalR's JSON protocol: the handshake,
/// one <c>WatchBoard</c> invocation, then it only reads, noting for every <c>questionChanged</c> record the question id
/// and the arrival time (taken when the frame is read, before parsing). A shared loop sends every connection a ping
/// every 10 s, as the SignalR client does, so the server's 30 s client timeout never closes an idle watcher.
/// </summary>
public sealed class Watchers : IAsyncDisposable
{
    private const byte Separator = 0x1e;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] WatchBoard = Encoding.UTF8.GetBytes("{\"type\":1,\"invocationId\":\"1\",\"target\":\"WatchBoard\",\"arguments\":[]}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
    private static readonly byte[] QuestionChanged = Encoding.UTF8.GetBytes("\"target\":\"questionChanged\"");
    private static readonly byte[] QuestionId = Encoding.UTF8.GetBytes("\"questionId\":\"");
    private static readonly byte[] Completion = Encoding.UTF8.GetBytes("\"type\":3");

    private readonly HttpMessageInvoker _invoker = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero });
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Watcher> _clients = [];
    private Task _pinging = Task.CompletedTask;

    public IReadOnlyList<Watcher> Clients => _clients;

    public static async Task<Watchers> ConnectAsync(Uri hub, string token, int count)
    {
        var watchers = new Watchers();
        var url = new UriBuilder(hub) { Scheme = hub.Scheme == "https" ? "wss" : "ws", Query = $"access_token={Uri.EscapeDataString(token)}" }.Uri;
        var clients = new Watcher[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            clients[i] = await watchers.ConnectOneAsync(url, ct);
        });
        watchers._clients.AddRange(clients);
        watchers._pinging = watchers.PingAsync();
        return watchers;
    }

    private async Task<Watcher> ConnectOneAsync(Uri url, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            try
            {
                await socket.ConnectAsync(url, _invoker, ct);
                var watcher = new Watcher(socket);
                watcher.Reading = watcher.ReadAsync(_stop.Token);
                await socket.SendAsync(Handshake, WebSocketMessageType.Text, true, ct);
                await watcher.HandshakeDone.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
                await socket.SendAsync(WatchBoard, WebSocketMessageType.Text, true, ct);
                await watcher.Watching.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
                return watcher;
            }
            catch (Exception e) when (attempt < 3)
            {
                Console.WriteLine($"  connecting a watcher failed ({e.Message}), trying again");
                socket.Abort();
                socket.Dispose();
                await Task.Delay(200 * attempt, ct);
            }
        }
    }

    private async Task PingAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                foreach (var client in _clients)
                {
                    if (client.Closed) continue;
                    try
                    {
                        await client.Socket.SendAsync(Ping, WebSocketMessageType.Text, true, _stop.Token);
                    }
                    catch (Exception) when (!_stop.IsCancellationRequested)
                    {
                        client.Closed = true;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>How many of the arrivals so far are pushes of <paramref name="posts"/> (duplicates included).</summary>
    public long Arrivals(ConcurrentDictionary<Guid, long> posts)
    {
        long count = 0;
        foreach (var client in _clients)
        {
            var pushes = client.Pushes;
            for (var i = 0; i < pushes.Count; i++) if (posts.ContainsKey(pushes[i].Id)) count++;
        }
        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pinging;
        foreach (var client in _clients)
        {
            client.Socket.Abort();
            client.Socket.Dispose();
        }
        await Task.WhenAll(_clients.Select(c => c.Reading));
        _invoker.Dispose();
        _stop.Dispose();
    }

    public sealed class Watcher(ClientWebSocket socket)
    {
        public ClientWebSocket Socket => socket;
        public TaskCompletionSource HandshakeDone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Watching { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task Reading { get; set; } = Task.CompletedTask;
        public volatile bool Closed;

        /// <summary>Appended only by this watcher's read loop; read by others only as far as <c>Count</c> says.</summary>
        public List<(Guid Id, long At)> Pushes { get; } = new(capacity: 32);

        public async Task ReadAsync(CancellationToken ct)
        {
            var buffer = new byte[2048];
            var filled = 0;
            var handshaken = false;
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                    var read = await socket.ReceiveAsync(buffer.AsMemory(filled), ct);
                    var at = Stopwatch.GetTimestamp();
                    if (read.MessageType == WebSocketMessageType.Close) break;
                    filled += read.Count;
                    var start = 0;
                    int end;
                    while ((end = buffer.AsSpan(start, filled - start).IndexOf(Separator)) >= 0)
                    {
                        var record = buffer.AsSpan(start, end);
                        start += end + 1;
                        if (!handshaken)
                        {
                            handshaken = true;
                            if (record.IndexOf("\"error\""u8) >= 0)
                                HandshakeDone.TrySetException(new InvalidOperationException(Encoding.UTF8.GetString(record)));
                            else HandshakeDone.TrySetResult();
                        }
                        else if (record.IndexOf(QuestionChanged) >= 0) Note(record, at);
                        else if (record.IndexOf(Completion) >= 0)
                        {
                            if (record.IndexOf("\"error\""u8) >= 0)
                                Watching.TrySetException(new InvalidOperationException(Encoding.UTF8.GetString(record)));
                            else Watching.TrySetResult();
                        }
                    }
                    if (start > 0)
                    {
                        buffer.AsSpan(start, filled - start).CopyTo(buffer);
                        filled -= start;
                    }
                }
            }
            catch (Exception) when (ct.IsCancellationRequested || socket.State != WebSocketState.Open)
            {
            }
            catch (Exception e)
            {
                HandshakeDone.TrySetException(e);
                Watching.TrySetException(e);
            }
            finally
            {
                Closed = true;
                HandshakeDone.TrySetException(new InvalidOperationException("The connection closed before the handshake"));
                Watching.TrySetException(new InvalidOperationException("The connection closed before WatchBoard completed"));
            }
        }

        private void Note(ReadOnlySpan<byte> record, long at)
        {
            var idAt = record.IndexOf(QuestionId);
            if (idAt < 0) return;
            if (Utf8Parser.TryParse(record[(idAt + QuestionId.Length)..], out Guid id, out _, 'D')) Pushes.Add((id, at));
        }
    }
}
