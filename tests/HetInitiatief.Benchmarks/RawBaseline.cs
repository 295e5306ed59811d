using System.Text.Json;
using Npgsql;

namespace HetInitiatief.Benchmarks;

/// <summary>
/// The floor to compare against: what PostgreSQL does with the same question-shaped rows written by
/// plain Npgsql — a stream row and its first event, one transaction each, no framework in between.
/// </summary>
public sealed class RawBaseline(NpgsqlDataSource dataSource)
{
    public async Task PrepareAsync()
    {
        await using var command = dataSource.CreateCommand("""
            create schema if not exists raw_baseline;
            drop table if exists raw_baseline.events;
            drop table if exists raw_baseline.streams;
            create table raw_baseline.streams (id uuid primary key, type text not null, version bigint not null, created timestamptz not null default now());
            create table raw_baseline.events (seq_id bigserial primary key, id uuid not null, stream_id uuid not null references raw_baseline.streams(id),
                version bigint not null, type text not null, data jsonb not null, timestamp timestamptz not null default now(), unique (stream_id, version));
            """);
        await command.ExecuteNonQueryAsync();
    }

    public async Task InsertQuestionAsync()
    {
        var streamId = Guid.CreateVersion7();
        var data = JsonSerializer.Serialize(new
        {
            QuestionId = streamId, PostedBy = Guid.NewGuid(), Title = "Hoe geef ik betere woordenschatlessen?",
            Context = Load.QuestionContext, WhyMine = "Begrijpend lezen blijft achter.", AlreadyKnown = "De viertakt.",
            Themes = new[] { "taal-en-lezen" }, Sector = "po", PostedAt = DateTimeOffset.UtcNow,
        });
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new("insert into raw_baseline.streams (id, type, version) values ($1, 'question', 1)") { Parameters = { new() { Value = streamId } } },
                new("insert into raw_baseline.events (id, stream_id, version, type, data) values ($1, $2, 1, 'question_posted', $3::jsonb)")
                {
                    Parameters = { new() { Value = Guid.CreateVersion7() }, new() { Value = streamId }, new() { Value = data } },
                },
            },
        };
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
