using System.Diagnostics;
using JasperFx.OpenTelemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HetInitiatief.Infrastructure;

/// <summary>
/// Traces and metrics of what a request sets in motion — ASP.NET Core, outgoing HTTP, every PostgreSQL command, Marten's
/// sessions, Wolverine's messages and the live push — sent over OTLP when <see cref="OtlpEndpointSetting"/> is set.
/// Without it nothing listens, so nothing is recorded: the sources are only subscribed to by an OpenTelemetry provider,
/// and that provider exists only when an exporter is configured here or a test adds one of its own.
/// Logs can be written as JSON lines that carry the trace and span id (<see cref="LogFormatSetting"/>).
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "het-initiatief";

    /// <summary>The platform's own spans; so far only the live push, which leaves the request through a queue.</summary>
    public const string SourceName = "HetInitiatief";

    /// <summary>The standard OpenTelemetry variable, read from configuration so appsettings can set it too.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Which app instance sent a span; the cluster sets it per node (<c>Platform__NodeName</c>).</summary>
    public const string NodeNameSetting = "Platform:NodeName";

    public const string LogFormatSetting = "Logging:Format";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>Marten names its spans and meter "Marten"; Wolverine suffixes its meter with the service name.</summary>
    private static readonly string[] TracedSources = ["Marten", "Wolverine", SourceName];
    private static readonly string[] Meters = ["Marten", "Wolverine:*"];

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var instance = NodeName(builder.Configuration);
        Action<ResourceBuilder> resource = r => r.AddService(ServiceName, serviceInstanceId: instance);

        // Configure, not create: these only take effect once something creates a provider (below, or a test).
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .ConfigureResource(resource)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddNpgsql()
            .AddSource(TracedSources));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics
            .ConfigureResource(resource)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddNpgsqlInstrumentation()
            .AddMeter(Meters));
        services.ConfigureOpenTelemetryLoggerProvider(logging => logging.ConfigureResource(resource));
        services.AddSingleton<IConfigureMarten, MartenTelemetry>();

        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
        {
            // Protocol, headers and the like come from the other standard OTEL_EXPORTER_OTLP_* variables.
            services.AddOpenTelemetry().WithTracing().WithMetrics().WithLogging().UseOtlpExporter();
        }

        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (string.Equals(builder.Configuration[LogFormatSetting], "json", StringComparison.OrdinalIgnoreCase))
        {
            // A log collector reads one JSON object a line; the scopes hold the trace id that links a line to its trace.
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        return builder;
    }

    /// <summary>The configured node name, or one that tells this machine's processes apart.</summary>
    public static string NodeName(IConfiguration configuration) =>
        configuration[NodeNameSetting] is { Length: > 0 } configured
            ? configured
            : $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>
    /// Marten's connection spans and event counter, only when a tracer or meter provider runs: they wrap every session's
    /// connection, which is not worth doing when no one listens.
    /// </summary>
    private sealed class MartenTelemetry : IConfigureMarten
    {
        public void Configure(IServiceProvider services, StoreOptions options)
        {
            if (services.GetService<TracerProvider>() is not null)
                options.OpenTelemetry.TrackConnections = TrackLevel.Normal;
            if (services.GetService<MeterProvider>() is not null)
                options.OpenTelemetry.TrackEventCounters();
        }
    }
}
