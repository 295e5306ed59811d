using Npgsql;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>A database of its own on the run's PostgreSQL, created for one test (or class) and dropped after it.</summary>
public sealed class OwnDatabase : IAsyncDisposable
{
    private readonly string _admin, _name;

    private OwnDatabase(string admin, string name, string connectionString) =>
        (_admin, _name, ConnectionString) = (admin, name, connectionString);

    public string ConnectionString { get; }

    public static async Task<OwnDatabase> CreateAsync(string connectionString, string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new OwnDatabase(admin, name,
            new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {_name} with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
