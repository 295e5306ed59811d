using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace HetInitiatief.Infrastructure;

/// <summary>
/// The keys that protect sign-in cookies, bearer tokens and antiforgery tokens, kept in PostgreSQL instead of each
/// machine's home folder: every node reads the same key ring, so what one node issued another accepts, and a restored
/// backup keeps its members signed in. Whoever can read the database can read the keys, as with the files they
/// replace; guard the database (and its backups) accordingly (docs/security.md).
/// </summary>
public sealed class LoginKeys(NpgsqlDataSource database) : IXmlRepository
{
    public const string Table = "data_protection_keys";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = database.CreateCommand($"select xml from {Database.Schema}.{Table} order by stored_at, name");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var command = database.CreateCommand(
            $"insert into {Database.Schema}.{Table} (name, xml) values ($1, $2) on conflict (name) do update set xml = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = friendlyName });
        command.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }

    /// <summary>Part of the schema, so <c>db-apply</c> creates it with everything else.</summary>
    public static Table Definition()
    {
        var table = new Table($"{Database.Schema}.{Table}");
        table.AddColumn<string>("name").AsPrimaryKey();
        table.AddColumn("xml", "text").NotNull();
        table.AddColumn("stored_at", "timestamptz").NotNull().DefaultValueByExpression("now()");
        return table;
    }
}

/// <summary>
/// Makes sure one key is there before the node serves anyone. Nodes starting together on an empty key ring would each
/// make their own key and, until their next refresh a day later, refuse each other's cookies; a PostgreSQL advisory
/// lock lets the first one make the key and the others find it.
/// </summary>
public sealed class LoginKeysReady(IKeyManager keys, NpgsqlDataSource database, TimeProvider clock) : IHostedService
{
    // Any fixed number, unique among the platform's advisory locks.
    private const long LockId = 0x48_49_4B_45_59_53;

    public async Task StartAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand($"select pg_advisory_lock({LockId})", connection))
        {
            await take.ExecuteNonQueryAsync(ct);
        }
        try
        {
            var now = clock.GetUtcNow();
            var usable = keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now);
            if (!usable) keys.CreateNewKey(now, now.AddDays(90));
        }
        finally
        {
            await using var release = new NpgsqlCommand($"select pg_advisory_unlock({LockId})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
