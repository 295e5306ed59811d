using JasperFx;
using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;

namespace HetInitiatief.Infrastructure;

public static class Database
{
    public const string ConnectionStringName = "Postgres";
    public const string Schema = "het_initiatief";

    /// <summary>
    /// Marten and Wolverine on the configured PostgreSQL, or — when none is configured — on a PostgreSQL
    /// the app starts itself from the machine's binaries and stops when it stops.
    /// </summary>
    public static async Task AddDatabaseAsync(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = builder.Configuration["LocalPostgres:DataDirectory"] ?? "/var/tmp/het-initiatief/postgres";
            var server = await LocalPostgres.StartAsync(dataDirectory);
            builder.Services.AddHostedService(_ => new LocalPostgresLifetime(server));
            // A JasperFx command (help, db-apply, codegen) may never start the host, whose lifetime stops the server.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAsync().GetAwaiter().GetResult();
            connectionString = server.ConnectionString;
        }

        connectionString = Tuned(connectionString);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddMarten(options =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = Schema;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            })
            .UseLightweightSessions()
            // Every async projection or subscription then runs on exactly one node of the cluster (today all
            // projections are inline, so the daemon has nothing to run; docs/operations.md).
            .IntegrateWithWolverine(integration => integration.UseWolverineManagedEventSubscriptionDistribution = true)
            .ApplyAllDatabaseChangesOnStartup();
    }

    /// <summary>Wolverine on the same database as Marten: handlers compiled at start-up, transactions applied.</summary>
    public static void UseDatabaseDefaults(this WolverineOptions options)
    {
        // Tests and benchmarks start the platform from their own entry assembly; handlers live here.
        options.ApplicationAssembly = typeof(Database).Assembly;
        options.UseRuntimeCompilation();
        options.Policies.AutoApplyTransactions();
        RetryWhileTheDatabaseIsAway(options);
    }

    /// <summary>
    /// A message that meets a database that is restarting or unreachable is not dead: it is tried again, first quickly
    /// and in memory (a restart takes seconds, and scheduling a retry needs the database too), then at growing
    /// intervals from the durable inbox. Only after that, or for any other failure, it goes to the dead letters, where
    /// an admin sees it and can send it again (<see cref="DeadLetters.DeadLetterQueue"/>). A message may therefore be
    /// handled twice; notification handlers store under ids derived from the message, so a second run adds nothing.
    /// </summary>
    private static void RetryWhileTheDatabaseIsAway(WolverineOptions options) =>
        options.Policies.OnException(DatabaseFailures.IsUnavailable, "the database is unavailable")
            .RetryWithCooldown(
                TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5),
                TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30))
            .Then.ScheduleRetry(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1))
            .Then.MoveToErrorQueue();

    /// <summary>
    /// The connection settings the write path is measured with (docs/performance.md). Npgsql normally
    /// sends DISCARD ALL when a pooled connection is reused, which also throws away PostgreSQL's cached
    /// plans of Marten's append function, so every append was planned afresh. Nothing here leaves session
    /// state behind (locks are transaction-scoped), so the reset is skipped.
    /// Automatic preparation (<c>MaxAutoPrepare</c>) stays off, although it was measured faster: a statement that
    /// PostgreSQL refused while binding its parameters (a NUL character, 22021) left the connection's prepared-statement
    /// bookkeeping out of step with the server, and the next statement on that pooled connection failed with
    /// "Received unexpected backend message DataRow", for whoever got it next. Skipping the reset alone does not do
    /// that (<c>BadInputTests.A_statement_PostgreSQL_refuses_leaves_no_spoiled_connection_behind</c>).
    /// </summary>
    public static string Tuned(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString)
        {
            NoResetOnClose = true,
            MaxAutoPrepare = 0,
        }.ConnectionString;

    /// <summary>Stops the app's own PostgreSQL after everything else that uses it has stopped.</summary>
    private sealed class LocalPostgresLifetime(LocalPostgres server) : IHostedLifecycleService
    {
        public Task StartingAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StoppedAsync(CancellationToken ct) => server.StopAsync();
    }
}
