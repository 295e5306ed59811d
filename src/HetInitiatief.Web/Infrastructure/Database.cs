using JasperFx;
using JasperFx.CodeGeneration;
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
        UseCodeAndSchemaDefaults(builder);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var configured = builder.Configuration["LocalPostgres:DataDirectory"];
            var dataDirectory = configured ?? LocalPostgres.DefaultDataDirectory();
            var server = await LocalPostgres.StartAsync(dataDirectory);
            var leftBehind = configured is null ? LocalPostgres.DataLeftInOldDefault(dataDirectory) : null;
            builder.Services.AddHostedService(services =>
                new LocalPostgresLifetime(server, leftBehind, services.GetRequiredService<ILogger<LocalPostgres>>()));
            // A JasperFx command (help, db-apply, codegen) may never start the host, whose lifetime stops the server.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAsync().GetAwaiter().GetResult();
            connectionString = server.ConnectionString;
        }

        connectionString = Tuned(connectionString);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        var marten = builder.Services.AddMarten(options =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = Schema;
                // A write fetches its stream's aggregate (an inline snapshot) under the stream lock; the inline projection
                // then starts from that instance instead of loading the snapshot a second time inside the lock. Safe
                // because aggregates are immutable records (issue 16: time under a coalition's lock is what joins wait on).
                options.Events.UseIdentityMapForAggregates = true;
                // A rebuild writes the documents an event projection inserts by binary COPY, page by page: the health
                // facts, ~900,000 of a million-event rebuild's documents (issue 16).
                options.Projections.RebuildWithBulkCopy = true;
            })
            .UseLightweightSessions()
            // Every async projection or subscription then runs on exactly one node of the cluster (today all
            // projections are inline, so the daemon has nothing to run; docs/operations.md).
            .IntegrateWithWolverine(integration => integration.UseWolverineManagedEventSubscriptionDistribution = true);
        if (builder.Environment.IsDevelopment())
        {
            marten.ApplyAllDatabaseChangesOnStartup();
        }
        else
        {
            builder.Services.AddHostedService<SchemaCheck>();
        }
    }

    /// <summary>
    /// Development (<c>dotnet run</c>, the tests) compiles Wolverine's handler code at run time and creates or updates
    /// the schema itself, so a change shows at once. Every other environment loads the handler code generated at build
    /// time (<c>Internal/Generated</c>, written by <c>codegen write</c>; Marten 9 generates none) and changes no schema:
    /// that is a deploy step, <c>db-apply</c> or <c>db-patch</c> (docs/operations.md). Pre-generated code saves the
    /// Roslyn compiler's time and memory; a schema changed by whichever node starts first is a change nobody reviewed.
    /// </summary>
    private static void UseCodeAndSchemaDefaults(WebApplicationBuilder builder) =>
        builder.Services.CritterStackDefaults(defaults =>
        {
            // Tests and benchmarks start the platform from their own entry assembly; the generated code lives here.
            defaults.ApplicationAssembly = typeof(Database).Assembly;
            defaults.Development.GeneratedCodeMode = TypeLoadMode.Dynamic;
            defaults.Development.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
            defaults.Production.GeneratedCodeMode = TypeLoadMode.Static;
            defaults.Production.ResourceAutoCreate = AutoCreate.None;
            // A known handler without its pre-generated type fails the start, not the first message that needs it.
            // (One missing from the generated registries is not known at all: DeployTests catches stale code.)
            defaults.Production.AssertAllPreGeneratedTypesExist = true;
        });

    /// <summary>Wolverine on the same database as Marten, with transactions applied and retries while the database is away.</summary>
    public static void UseDatabaseDefaults(this WolverineOptions options)
    {
        // Tests and benchmarks start the platform from their own entry assembly; handlers live here.
        options.ApplicationAssembly = typeof(Database).Assembly;
        // Development compiles at start-up; elsewhere the compiler is registered but idle (static type loading).
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
    /// PostgreSQL's JIT compiler stays off: it only starts on statements the planner thinks costly, and on those the
    /// platform runs (the radar's heat map, at 20,000 questions) compiling took 70–140 ms of a 150–200 ms statement.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true, MaxAutoPrepare = 0 };
        if (tuned.Options?.Contains("jit", StringComparison.Ordinal) != true)
            tuned.Options = string.Join(' ', new[] { tuned.Options, "-c jit=off" }.Where(o => !string.IsNullOrEmpty(o)));
        return tuned.ConnectionString;
    }

    /// <summary>
    /// Outside Development the schema is the deploy's job; a node started on a database that lacks it, or that an
    /// earlier version left behind, stops before it serves anyone, saying which command brings the database up to date.
    /// </summary>
    private sealed class SchemaCheck(IDocumentStore store, IServiceProvider services) : IHostedLifecycleService
    {
        public async Task StartingAsync(CancellationToken ct)
        {
            // Marten's schema, and Wolverine's inbox, outbox and dead letters beside it.
            var databases = new List<Weasel.Core.Migrations.IDatabase> { store.Storage.Database };
            var messageStore = services.GetService<Wolverine.Persistence.Durability.IMessageStore>();
            if (messageStore is Weasel.Core.Migrations.IDatabase messages)
            {
                databases.Add(messages);
            }
            var differences = new List<string>();
            foreach (var database in databases)
            {
                var migration = await database.CreateMigrationAsync(ct);
                differences.AddRange(migration.Deltas
                    .Where(d => d.Difference != Weasel.Core.SchemaPatchDifference.None)
                    .Select(d => $"{d.SchemaObject.Identifier} ({d.Difference})"));
            }
            if (differences.Count == 0) return;
            throw new InvalidOperationException(
                $"The database does not match this version of the platform: {string.Join(", ", differences)}. " +
                "Apply the changes first with `dotnet HetInitiatief.Web.dll db-apply` (or write them to files for a DBA " +
                "with `db-patch`); see docs/operations.md, \"Deploying a new version\".");
        }

        public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
    }

    /// <summary>Stops the app's own PostgreSQL after everything else that uses it has stopped.</summary>
    private sealed class LocalPostgresLifetime(LocalPostgres server, string? leftBehind, ILogger logger)
        : IHostedLifecycleService
    {
        public Task StartingAsync(CancellationToken ct)
        {
            // Data is never moved behind the operator's back: a running cluster and its owner are theirs to handle.
            if (leftBehind is not null)
            {
                logger.LogWarning(
                    "An earlier version kept the local PostgreSQL's data in {Old}, which the system may clean up; this run " +
                    "uses {New}. To keep the old data, stop the app and move the folder there, or point " +
                    "LocalPostgres__DataDirectory at the old folder",
                    leftBehind, server.DataDirectory);
            }
            return Task.CompletedTask;
        }

        public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StoppedAsync(CancellationToken ct) => server.StopAsync();
    }
}
