using HetInitiatief.Infrastructure;
using Npgsql;
using Shouldly;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>The PostgreSQL the platform starts for itself lets in only who has its generated password.</summary>
public sealed class LocalPostgresTests
{
    [Fact]
    public async Task A_new_server_lets_nobody_in_without_its_password()
    {
        // Given a PostgreSQL the platform started itself
        await using var postgres = await ThrowawayPostgres.StartAsync();

        // Then its own connection string gets in, and the same without the password, or with another, does not
        (await CanConnectAsync(postgres.ConnectionString)).ShouldBeTrue();
        await ShouldBeRefusedAsync(new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Password = null });
        await ShouldBeRefusedAsync(new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Password = "postgres" });
    }

    [Fact]
    public async Task A_server_made_open_to_every_local_user_asks_for_a_password_from_its_next_start()
    {
        // Given a data directory made the old way: every local connection trusted, no password kept
        var ct = TestContext.Current.CancellationToken;
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"het-initiatief-pg-{Guid.NewGuid():N}");
        await (await LocalPostgres.StartAsync(dataDirectory, throwaway: true, ct)).StopAsync();
        var hba = Path.Combine(dataDirectory, "pg_hba.conf");
        await File.WriteAllTextAsync(hba, (await File.ReadAllTextAsync(hba, ct)).Replace("scram-sha-256", "trust"), ct);
        File.Delete(Path.Combine(dataDirectory, "het-initiatief.password"));

        // When the platform starts it again
        await using var postgres = await ThrowawayPostgres.StartAsync(dataDirectory);

        // Then it gets in with its new password, and nobody gets in without it
        (await CanConnectAsync(postgres.ConnectionString)).ShouldBeTrue();
        await ShouldBeRefusedAsync(new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Password = null });
    }

    [Fact]
    public void Without_a_configured_folder_the_data_lives_where_the_system_keeps_it()
    {
        // Given a user with and without XDG_DATA_HOME, and root
        const string home = "/home/juf";

        // Then a user's data goes to their XDG data folder, never to a folder the system cleans up
        LocalPostgres.DefaultDataDirectory(runsAsRoot: false, xdgDataHome: null, home)
            .ShouldBe("/home/juf/.local/share/het-initiatief/postgres");
        LocalPostgres.DefaultDataDirectory(runsAsRoot: false, xdgDataHome: "", home)
            .ShouldBe("/home/juf/.local/share/het-initiatief/postgres");
        LocalPostgres.DefaultDataDirectory(runsAsRoot: false, xdgDataHome: "/data/juf", home)
            .ShouldBe("/data/juf/het-initiatief/postgres");
        // (the XDG specification ignores a relative path)
        LocalPostgres.DefaultDataDirectory(runsAsRoot: false, xdgDataHome: "data", home)
            .ShouldBe("/home/juf/.local/share/het-initiatief/postgres");
        // And root's goes where the postgres user can enter, not into root's closed home
        LocalPostgres.DefaultDataDirectory(runsAsRoot: true, xdgDataHome: "/root/.local/share", "/root")
            .ShouldBe("/var/lib/het-initiatief/postgres");
    }

    private static async Task<bool> CanConnectAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select 1", connection);
        return (int)(await command.ExecuteScalarAsync())! == 1;
    }

    private static async Task ShouldBeRefusedAsync(NpgsqlConnectionStringBuilder builder)
    {
        builder.Pooling = false;
        var refused = await Should.ThrowAsync<NpgsqlException>(() => CanConnectAsync(builder.ConnectionString));
        // 28P01: wrong password; without one, Npgsql stops before sending any.
        if (refused is PostgresException postgres) postgres.SqlState.ShouldBe(PostgresErrorCodes.InvalidPassword);
    }
}
