using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace HetInitiatief.Infrastructure;

/// <summary>
/// A PostgreSQL server started from the machine's own binaries, for running the platform and its
/// tests without any server set up beforehand. PostgreSQL refuses to run as root, so a root process
/// runs it as the <c>postgres</c> user. Nobody gets in without the generated password kept in the data directory
/// (readable by its owner only): not other local users, not other programs on the machine.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    public const string DatabaseName = "het_initiatief";
    private const string PasswordFile = "het-initiatief.password";

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

    public string DataDirectory => _dataDirectory;

    /// <summary>Where the app's own PostgreSQL kept its data before it moved to <see cref="DefaultDataDirectory()"/>.</summary>
    public const string OldDefaultDataDirectory = "/var/tmp/het-initiatief/postgres";

    /// <summary>Where the app's own PostgreSQL keeps its data when <c>LocalPostgres:DataDirectory</c> is not set.</summary>
    public static string DefaultDataDirectory() =>
        DefaultDataDirectory(Environment.IsPrivilegedProcess, Environment.GetEnvironmentVariable("XDG_DATA_HOME"),
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>
    /// The user's data folder (XDG: <c>$XDG_DATA_HOME</c>, else <c>~/.local/share</c>), which the system does not clean
    /// up as it may <c>/var/tmp</c>. Root is the exception: PostgreSQL then runs as the <c>postgres</c> user, who cannot
    /// enter root's home (mode 700), so the data goes to the system's place for it instead.
    /// </summary>
    public static string DefaultDataDirectory(bool runsAsRoot, string? xdgDataHome, string home)
    {
        if (runsAsRoot) return "/var/lib/het-initiatief/postgres";
        // The XDG specification ignores a relative XDG_DATA_HOME.
        var dataHome = !string.IsNullOrEmpty(xdgDataHome) && Path.IsPathRooted(xdgDataHome)
            ? xdgDataHome
            : Path.Combine(home, ".local", "share");
        return Path.Combine(dataHome, "het-initiatief", "postgres");
    }

    /// <summary>
    /// The old default folder when it still holds a cluster and <paramref name="dataDirectory"/> is another one, so
    /// the operator can be told; null otherwise.
    /// </summary>
    public static string? DataLeftInOldDefault(string dataDirectory) =>
        Path.GetFullPath(dataDirectory) != OldDefaultDataDirectory
        && File.Exists(Path.Combine(OldDefaultDataDirectory, "PG_VERSION"))
            ? OldDefaultDataDirectory
            : null;

    private string Password { get; set; } = "";

    public string ConnectionString =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Password = Password,
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

        var passwordFile = Path.Combine(dataDirectory, PasswordFile);
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            server.Password = NewPassword();
            await server.InitAsync(throwaway, ct);
            await server.KeepPasswordAsync(ct);
        }
        else
        {
            if (File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
            {
                // A previous run died without stopping its server; take the directory back.
                await server.PgAsync("pg_ctl", ["stop", "-D", dataDirectory, "-m", "fast", "-w"], ct, throwOnError: false);
            }
            if (File.Exists(passwordFile)) server.Password = (await File.ReadAllTextAsync(passwordFile, ct)).Trim();
        }

        var options = $"-p {server.Port} -c listen_addresses=127.0.0.1 -k {dataDirectory} -c max_connections=300";
        if (throwaway)
        {
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }

        await server.PgAsync("pg_ctl", ["start", "-D", dataDirectory, "-w", "-t", "60", "-l", Path.Combine(dataDirectory, "server.log"), "-o", options], ct);
        if (server.Password.Length == 0) await server.SecureOpenClusterAsync(ct);
        await server.EnsureDatabaseAsync(ct);
        return server;
    }

    /// <summary>Stops the server and starts it again on the same port, as an operator restarting PostgreSQL would.</summary>
    public Task RestartAsync(CancellationToken ct = default) =>
        PgAsync("pg_ctl", ["restart", "-D", _dataDirectory, "-m", "fast", "-w", "-t", "60"], ct);

    private async Task InitAsync(bool throwaway, CancellationToken ct)
    {
        // initdb reads the superuser's password from a file; it exists only for the moment initdb runs.
        var folder = Directory.CreateTempSubdirectory("het-initiatief-initdb-");
        var file = Path.Combine(folder.FullName, "password");
        try
        {
            await File.WriteAllTextAsync(file, Password, ct);
            if (Environment.IsPrivilegedProcess) await RunAsync("chown", ["-R", "postgres:postgres", folder.FullName], asPostgres: false, ct);
            await PgAsync("initdb", ["-D", _dataDirectory, "-A", "scram-sha-256", "-U", "postgres", $"--pwfile={file}", "-E", "UTF8",
                "--locale=C.UTF-8", .. throwaway ? new[] { "--no-sync" } : []], ct);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task KeepPasswordAsync(CancellationToken ct)
    {
        var file = Path.Combine(_dataDirectory, PasswordFile);
        await File.WriteAllTextAsync(file, Password, ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (Environment.IsPrivilegedProcess) await RunAsync("chown", ["postgres:postgres", file], asPostgres: false, ct);
    }

    /// <summary>
    /// A cluster made before the platform set a password let every local user in as superuser (<c>initdb -A trust</c>):
    /// it gets a password once, and from then on asks for it, the same as a cluster made today.
    /// </summary>
    private async Task SecureOpenClusterAsync(CancellationToken ct)
    {
        Password = NewPassword();
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false, Password = null };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var alter = new NpgsqlCommand($"alter role postgres password '{Password}'", connection);
            await alter.ExecuteNonQueryAsync(ct);
        }
        await KeepPasswordAsync(ct);
        var hba = Path.Combine(_dataDirectory, "pg_hba.conf");
        var lines = (await File.ReadAllLinesAsync(hba, ct))
            .Select(line => line.TrimStart().StartsWith('#') ? line : System.Text.RegularExpressions.Regex.Replace(line, @"\btrust\s*$", "scram-sha-256"));
        await File.WriteAllLinesAsync(hba, lines, ct);
        await PgAsync("pg_ctl", ["reload", "-D", _dataDirectory], ct);
    }

    /// <summary>Letters and digits only, so it needs no quoting in a connection string or in SQL.</summary>
    private static string NewPassword() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

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
