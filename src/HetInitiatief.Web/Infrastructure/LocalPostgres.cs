using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace HetInitiatief.Infrastructure;

/// <summary>
/// A PostgreSQL server started from the machine's own binaries, for running the platform and its
/// tests without any server set up beforehand. PostgreSQL refuses to run as root, so a root process
/// runs it as the <c>postgres</c> user.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    public const string DatabaseName = "het_initiatief";

    private readonly string _binDirectory;
    private readonly string _dataDirectory;
    private bool _stopped;

    private LocalPostgres(string binDirectory, string dataDirectory, int port)
    {
        _binDirectory = binDirectory;
        _dataDirectory = dataDirectory;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = DatabaseName,
            MaxPoolSize = 100,
        }.ConnectionString;

    /// <param name="dataDirectory">Kept between runs when it already holds a cluster.</param>
    /// <param name="throwaway">Trades durability for speed (no fsync): for test runs only.</param>
    public static async Task<LocalPostgres> StartAsync(string dataDirectory, bool throwaway = false, CancellationToken ct = default)
    {
        var bin = FindBinDirectory();
        dataDirectory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var server = new LocalPostgres(bin, dataDirectory, FreeLoopbackPort());

        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", dataDirectory], asPostgres: false, ct);
            await RunAsync("chmod", ["700", dataDirectory], asPostgres: false, ct);
        }

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await server.PgAsync("initdb", ["-D", dataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", .. throwaway ? new[] { "--no-sync" } : []], ct);
        }
        else if (File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
        {
            // A previous run died without stopping its server; take the directory back.
            await server.PgAsync("pg_ctl", ["stop", "-D", dataDirectory, "-m", "fast", "-w"], ct, throwOnError: false);
        }

        var options = $"-p {server.Port} -c listen_addresses=127.0.0.1 -k {dataDirectory} -c max_connections=300";
        if (throwaway)
        {
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }

        await server.PgAsync("pg_ctl", ["start", "-D", dataDirectory, "-w", "-t", "60", "-l", Path.Combine(dataDirectory, "server.log"), "-o", options], ct);
        await server.EnsureDatabaseAsync(ct);
        return server;
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await PgAsync("pg_ctl", ["stop", "-D", _dataDirectory, "-m", "fast", "-w"], CancellationToken.None, throwOnError: false);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection)
        {
            Parameters = { new() { Value = DatabaseName } },
        };
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"create database {DatabaseName}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    private Task PgAsync(string tool, IReadOnlyList<string> args, CancellationToken ct, bool throwOnError = true) =>
        RunAsync(Path.Combine(_binDirectory, tool), args, Environment.IsPrivilegedProcess, ct, throwOnError);

    private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asPostgres, CancellationToken ct, bool throwOnError = true)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file }) start.ArgumentList.Add(a);
        }
        foreach (var a in args) start.ArgumentList.Add(a);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        // A started server could inherit the pipes, so their output is read only if it has ended.
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0 && throwOnError)
        {
            var output = string.Join(" ", new[] { stdout, stderr }.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result.Trim()));
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} exited with {process.ExitCode}: {output}");
        }
    }

    private static string FindBinDirectory()
    {
        try
        {
            using var pgConfig = Process.Start(new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, UseShellExecute = false });
            var dir = pgConfig?.StandardOutput.ReadToEnd().Trim();
            pgConfig?.WaitForExit();
            if (!string.IsNullOrEmpty(dir) && File.Exists(Path.Combine(dir, "initdb"))) return dir;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // pg_config is not on the PATH; look in Debian's place below.
        }

        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        return debian ?? throw new InvalidOperationException("No PostgreSQL server binaries found: install postgresql (Debian: apt-get install postgresql-15) or set ConnectionStrings:Postgres.");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
