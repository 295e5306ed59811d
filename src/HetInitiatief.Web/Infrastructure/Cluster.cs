using Microsoft.AspNetCore.DataProtection;
using Marten;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;
using StackExchange.Redis;
using Wolverine;
using Wolverine.Runtime;

namespace HetInitiatief.Infrastructure;

/// <summary>
/// What lets several app nodes serve one network (docs/operations.md): login keys in PostgreSQL, so a cookie or bearer
/// token from one node works on all; SignalR pushes over Redis when <c>ConnectionStrings:Redis</c> is set, so a write
/// on one node reaches a watcher connected to another; and the node's name on every response, for the operator
/// reading a trace or a load balancer's log. Wolverine's own coordination (leader election, one owner for scheduled
/// work) is set up with the database (<see cref="Database.UseDatabaseDefaults"/>).
/// </summary>
public static class Cluster
{
    public const string RedisConnectionStringName = "Redis";
    public const string NodeNameSetting = "Platform:NodeName";
    public const string NodeHeader = "X-Node";
    public const string NodeNumberHeader = "X-Node-Number";

    public const string DurabilitySetting = "Platform:Durability";

    /// <summary>
    /// Balanced (Wolverine's multi-node mode: nodes register in PostgreSQL, elect a leader, and the leader gives each
    /// piece of background work — the scheduled messages of closing dates, reminders, go/no-go and digests — to exactly
    /// one node) everywhere except Development, which runs Solo: one node, no election, so a restarted developer
    /// machine picks up its own unfinished work at once. <c>Platform:Durability</c> (Solo or Balanced) overrides.
    /// </summary>
    public static void UseClusterDurability(
        this WolverineOptions options, IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[DurabilitySetting];
        options.Durability.Mode = configured switch
        {
            null or "" => environment.IsDevelopment() ? DurabilityMode.Solo : DurabilityMode.Balanced,
            _ when Enum.TryParse<DurabilityMode>(configured, ignoreCase: true, out var mode) &&
                   mode is DurabilityMode.Solo or DurabilityMode.Balanced => mode,
            _ => throw new InvalidOperationException(
                $"{DurabilitySetting}: '{configured}' is not a durability mode; use Solo (one node) or Balanced."),
        };
        if (options.Durability.Mode != DurabilityMode.Balanced) return;

        // Wolverine's defaults (a heartbeat every 10 s, a node dead after a silent minute, ejected after two more
        // checks) leave a killed node's closing dates waiting well over a minute. A heartbeat every 2 s and 8 s of
        // silence hand its work to another node within about 15 s, at the cost of one small update per node every
        // 2 s; a node stalled that long is taken for dead and re-registers when it wakes.
        options.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(2);
        options.Durability.FirstHealthCheckExecution = TimeSpan.FromSeconds(1);
        options.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(8);
        options.Durability.ScheduledJobPollingTime = TimeSpan.FromSeconds(2);
    }

    public static WebApplicationBuilder AddCluster(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureMarten(options => options.Storage.ExtendedSchemaObjects.Add(LoginKeys.Definition()));
        builder.Services.AddDataProtection().SetApplicationName("het-initiatief");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<NpgsqlDataSource>((options, database) => options.XmlRepository = new LoginKeys(database));
        builder.Services.AddHostedService<LoginKeysReady>();

        var redis = builder.Configuration.GetConnectionString(RedisConnectionStringName);
        if (!string.IsNullOrWhiteSpace(redis))
        {
            // The prefix keeps two platforms on one Redis (test and production, say) from hearing each other's pushes.
            builder.Services.AddSignalR().AddStackExchangeRedis(redis, options =>
                options.Configuration.ChannelPrefix = RedisChannel.Literal("het-initiatief"));
        }
        return builder;
    }

    /// <summary>
    /// Names the node that answered, when the node has a name (<c>Platform:NodeName</c>): with the number Wolverine gave
    /// it, which is how the node appears in Wolverine's own tables (<c>wolverine_nodes</c>, the agent assignments).
    /// </summary>
    public static IApplicationBuilder UseNodeHeader(this WebApplication app)
    {
        var name = app.Configuration[NodeNameSetting];
        if (string.IsNullOrWhiteSpace(name)) return app;
        var runtime = app.Services.GetRequiredService<IWolverineRuntime>();
        return app.Use((context, next) =>
        {
            context.Response.Headers[NodeHeader] = name;
            context.Response.Headers[NodeNumberHeader] = runtime.DurabilitySettings.AssignedNodeNumber.ToString();
            return next(context);
        });
    }
}
