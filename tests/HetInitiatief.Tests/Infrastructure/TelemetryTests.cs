using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using HetInitiatief.Infrastructure;
using HetInitiatief.Questions;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HetInitiatief.Tests.Infrastructure;

public sealed class TelemetryTests(AppFixture app)
{
    [Fact]
    public async Task One_question_posted_is_one_trace_from_the_request_through_the_append_to_the_live_push()
    {
        // Given the platform with an in-memory exporter, on a node with a name, and a member
        var spans = new RecordedSpans();
        var settings = new Dictionary<string, string?> { [Telemetry.NodeNameSetting] = "node-a" };
        await using var host = await OwnPlatform.StartAsync(app, settings,
            builder => builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans)));
        var owner = await host.RegisterMemberAsync();

        // When the member posts a question, in a trace of their own
        var trace = ActivityTraceId.CreateRandom();
        var posted = await host.Scenario(x =>
        {
            x.Post.Json(QuestionSteps.AUniqueQuestion()).ToUrl("/api/questions");
            x.As(owner);
            x.WithRequestHeader("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
            x.StatusCodeShouldBe(201);
        });
        var question = (await posted.ReadAsJsonAsync<QuestionWritten>())!;

        // Then the request, its PostgreSQL commands and Marten's connection, and the push that followed are that trace
        // Spans arrive as they end; the push's parent, Wolverine's handling of it, ends just after the push.
        (await Eventually.TrueAsync(() => Task.FromResult(spans.InTrace(trace) is var all
                && all.Any(p => IsThePush(p) && all.Any(s => s.SpanId == p.ParentSpanId)))))
            .ShouldBeTrue("the live push of the new question, and what handled it, join the request's trace");
        var inTrace = spans.InTrace(trace);
        var request = inTrace.Where(s => s.Source.Name == "Microsoft.AspNetCore").ShouldHaveSingleItem();
        request.Kind.ShouldBe(ActivityKind.Server);
        request.GetTagItem("http.request.method").ShouldBe("POST");
        request.GetTagItem("http.route")!.ToString()!.TrimStart('/').ShouldBe("api/questions");
        request.GetTagItem("http.response.status_code").ShouldBe(201);

        // The batch of the commit: Marten's append function for the event, then the inline projections' rows.
        var commit = inTrace.Where(s => s.Source.Name == "Npgsql" && Statement(s).Contains("mt_quick_append_events"))
            .ShouldHaveSingleItem();
        Statement(commit).ShouldContain("mt_doc_questiondetails", Case.Sensitive, "the commit writes the read model too");
        Descends(commit, request, inTrace).ShouldBeTrue("the commit descends from the request span");
        inTrace.ShouldContain(s => s.Source.Name == "Marten" && s.DisplayName == "marten.connection");

        var push = inTrace.Single(IsThePush);
        push.GetTagItem("live.method").ShouldBe(QuestionChanged.Method);
        push.GetTagItem("live.groups")!.ToString()!
            .ShouldContain(HetInitiatief.Live.LiveHub.QuestionGroup(question.QuestionId));
        // Through the queue: Wolverine's handling span sits between the request and the push.
        Descends(push, request, inTrace).ShouldBeTrue("the push descends from the request span");
        inTrace.Single(s => s.SpanId == push.ParentSpanId).Source.Name.ShouldBe("Wolverine");

        // And every span says which service and which node sent it
        var resource = host.Services.GetRequiredService<TracerProvider>().GetResource().Attributes.ToDictionary();
        resource["service.name"].ShouldBe(Telemetry.ServiceName);
        resource["service.instance.id"].ShouldBe("node-a");

        bool IsThePush(Activity s) =>
            s.Source.Name == Telemetry.SourceName && s.DisplayName == $"live push {QuestionChanged.Method}"
            && s.GetTagItem("live.groups")?.ToString()?.Contains(question.QuestionId.ToString()) == true;
    }

    [Fact]
    public async Task Without_an_otlp_endpoint_nothing_listens_and_marten_does_not_wrap_its_connections()
    {
        // Given the run's app, started without OTEL_EXPORTER_OTLP_ENDPOINT
        // Then no tracer or meter provider exists, so no source is listened to
        app.Host.Services.GetService<TracerProvider>().ShouldBeNull();
        app.Host.Services.GetService<OpenTelemetry.Metrics.MeterProvider>().ShouldBeNull();
        // And Marten leaves its connections unwrapped
        var store = (DocumentStore)app.Host.Services.GetRequiredService<IDocumentStore>();
        store.Options.OpenTelemetry.TrackConnections.ShouldBe(JasperFx.OpenTelemetry.TrackLevel.None);
        await Task.CompletedTask;
    }

    [Fact]
    public void An_otlp_endpoint_in_configuration_starts_tracing_and_metrics()
    {
        // Given the standard endpoint variable, here as a setting
        var builder = WebApplication.CreateBuilder();
        builder.Configuration[Telemetry.OtlpEndpointSetting] = "http://127.0.0.1:4317";

        // When telemetry is added
        builder.AddTelemetry();
        using var services = builder.Services.BuildServiceProvider();

        // Then both providers exist, and so does the exporter that sends to the endpoint
        services.GetService<TracerProvider>().ShouldNotBeNull();
        services.GetService<OpenTelemetry.Metrics.MeterProvider>().ShouldNotBeNull();
        builder.Services.ShouldContain(d => d.ServiceType.FullName!.Contains("Otlp"));
    }

    [Fact]
    public void Without_a_node_name_the_node_is_the_machine_and_the_process()
    {
        var none = new ConfigurationBuilder().Build();

        Telemetry.NodeName(none).ShouldBe($"{Environment.MachineName}-{Environment.ProcessId}");
    }

    [Fact]
    public async Task With_an_otlp_endpoint_set_the_traces_of_a_request_arrive_at_the_collector()
    {
        // Given a collector taking OTLP over HTTP, and the app as its own process pointed at it by the standard variables
        var ct = TestContext.Current.CancellationToken;
        var collectorPort = AppProcess.FreePort();
        using var collector = new HttpListener { Prefixes = { $"http://127.0.0.1:{collectorPort}/" } };
        collector.Start();
        var exports = new System.Collections.Concurrent.ConcurrentQueue<(string Path, byte[] Body)>();
        var collecting = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await collector.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                exports.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
                // An empty body is an empty ExportTraceServiceResponse: accepted in full.
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });
        using var platform = await AppProcess.StartAsync(await OwnDatabaseAsync(), Development(new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{collectorPort}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // The batch goes out after 200 ms instead of 5 s.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        }));
        try
        {
            // When a request comes in as part of a trace
            var trace = ActivityTraceId.CreateRandom();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/over");
            request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
            (await platform.Http.SendAsync(request, ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

            // Then the collector receives a trace export holding that trace id and the platform's service name
            var traceBytes = new byte[16];
            trace.CopyTo(traceBytes);
            (await Eventually.TrueAsync(() => Task.FromResult(exports.Any(e => e.Path == "/v1/traces"
                    && e.Body.AsSpan().IndexOf(traceBytes) >= 0
                    && e.Body.AsSpan().IndexOf("het-initiatief"u8) >= 0))))
                .ShouldBeTrue($"no trace export with {trace}; got {string.Join(", ", exports.Select(e => e.Path))}");
        }
        finally
        {
            collector.Stop();
            await collecting;
        }
    }

    [Fact]
    public async Task In_json_mode_a_log_line_of_a_request_carries_the_requests_trace_id()
    {
        // Given the app as its own process, logging JSON, and the request log switched on
        var ct = TestContext.Current.CancellationToken;
        using var platform = await AppProcess.StartAsync(await OwnDatabaseAsync(), Development(new()
        {
            ["Logging__Format"] = "json",
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        }));

        // When a request comes in as part of a trace
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        (await platform.Http.SendAsync(request, ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Then the request's log line is one JSON object whose scope holds that trace id and a span id
        JsonElement? logged = null;
        (await Eventually.TrueAsync(() => Task.FromResult((logged = RequestLine(Lines(platform), trace)) is not null)))
            .ShouldBeTrue($"no request log line with trace id {trace}; the last lines:\n"
                + string.Join("\n", Lines(platform).TakeLast(20)));
        logged!.Value.GetProperty("Message").GetString()!.ShouldContain("/health/live");
        var scope = logged.Value.GetProperty("Scopes").EnumerateArray().First(s => s.TryGetProperty("TraceId", out _));
        scope.GetProperty("SpanId").GetString()!.Length.ShouldBe(16);
    }

    private static string Statement(Activity span) =>
        (span.GetTagItem("db.query.text") ?? span.GetTagItem("db.statement"))?.ToString() ?? "";

    /// <summary>Whether <paramref name="span"/> is <paramref name="ancestor"/> or reaches it through its parents.</summary>
    private static bool Descends(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        for (Activity? at = span; at is not null; at = trace.FirstOrDefault(s => s.SpanId == at.ParentSpanId))
        {
            if (at.SpanId == ancestor.SpanId) return true;
        }
        return false;
    }

    /// <summary>ASP.NET Core's own line about the request (it logs each request's start and end) in that trace.</summary>
    private static JsonElement? RequestLine(IEnumerable<string> lines, ActivityTraceId trace) =>
        lines.Select(Json).FirstOrDefault(line => line is { } e
            && e.GetProperty("Category").GetString() == "Microsoft.AspNetCore.Hosting.Diagnostics"
            && TraceIdOf(e) == trace.ToString());

    private static string? TraceIdOf(JsonElement line) =>
        line.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray().Select(s => s.TryGetProperty("TraceId", out var id) ? id.GetString() : null)
                .FirstOrDefault(id => id is not null)
            : null;

    private static JsonElement? Json(string line)
    {
        try
        {
            return JsonDocument.Parse(line).RootElement;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string[] Lines(AppProcess app) => app.Output.Split('\n', StringSplitOptions.TrimEntries);

    private async Task<string> OwnDatabaseAsync()
    {
        var database = $"logs_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database {database}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = database }.ConnectionString;
    }

    /// <summary>The app as a developer runs it, writing its mail where this run's mail goes.</summary>
    private Dictionary<string, string> Development(Dictionary<string, string> settings)
    {
        settings["ASPNETCORE_ENVIRONMENT"] = "Development";
        settings["Mail__OutboxDirectory"] = app.Outbox;
        settings["Logging__LogLevel__Default"] = "Warning";
        return settings;
    }


    /// <summary>What the in-memory exporter received: it adds from the threads that end spans while the test reads.</summary>
    private sealed class RecordedSpans : ICollection<Activity>
    {
        private readonly List<Activity> _spans = [];

        public IReadOnlyList<Activity> InTrace(ActivityTraceId trace)
        {
            lock (_spans) return _spans.Where(s => s.TraceId == trace).ToList();
        }

        public int Count
        {
            get { lock (_spans) return _spans.Count; }
        }

        public bool IsReadOnly => false;

        public void Add(Activity item)
        {
            lock (_spans) _spans.Add(item);
        }

        public void Clear()
        {
            lock (_spans) _spans.Clear();
        }

        public bool Contains(Activity item)
        {
            lock (_spans) return _spans.Contains(item);
        }

        public void CopyTo(Activity[] array, int arrayIndex)
        {
            lock (_spans) _spans.CopyTo(array, arrayIndex);
        }

        public bool Remove(Activity item)
        {
            lock (_spans) return _spans.Remove(item);
        }

        public IEnumerator<Activity> GetEnumerator()
        {
            lock (_spans) return _spans.ToList().GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
