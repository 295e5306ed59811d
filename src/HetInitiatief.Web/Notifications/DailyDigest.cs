using HetInitiatief.Mail;
using HetInitiatief.Members;
using Npgsql;
using Wolverine;
using Wolverine.Runtime;

namespace HetInitiatief.Notifications;

/// <summary>Due once a day: send the digests of that day. Scheduled durably, one day ahead.</summary>
public sealed record SendDailyDigest(DateOnly Day);

/// <summary>The digest run itself, published once the day is claimed.</summary>
public sealed record RunDailyDigest(DateOnly Day);

/// <summary>A day's digest was claimed, so a second scheduled copy (from a restart) does nothing.</summary>
public sealed record DigestDay(string Id, DateTimeOffset ClaimedAt);

public sealed record DigestRun(int Mails, int Notifications);

public static class DailyDigest
{
    /// <summary>Seven in the morning in the Netherlands: before school starts.</summary>
    public static readonly TimeSpan TimeOfDay = TimeSpan.FromHours(7);

    /// <summary>
    /// When a day's digest is due. The offset is the one of that day's midnight, so in the night of a
    /// daylight-saving change the digest moves by an hour at most.
    /// </summary>
    public static DateTimeOffset DueAt(DateOnly day)
    {
        var midnight = Shared.Display.Local(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue) + TimeOfDay, midnight.Offset);
    }

    /// <summary>The first day whose digest is still to come.</summary>
    public static DateOnly NextDay(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(Shared.Display.Local(now).DateTime);
        return DueAt(today) > now ? today : today.AddDays(1);
    }

    private const long LockKey = 0x4469676573743031; // "Digest01"

    /// <summary>
    /// Mails each member who chose a digest one message with what is waiting for them, then records the items
    /// as sent, member by member, so a second run sends nothing again. Runs one at a time across the platform
    /// (a transaction-scoped PostgreSQL advisory lock); a run that finds another in progress does nothing.
    /// </summary>
    public static async Task<DigestRun> RunAsync(IDocumentStore store, NpgsqlDataSource database, Mailer mailer, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var takeLock = new NpgsqlCommand("select pg_try_advisory_xact_lock(@key)", connection, transaction))
        {
            takeLock.Parameters.AddWithValue("key", LockKey);
            if (await takeLock.ExecuteScalarAsync(ct) is not true) return new DigestRun(0, 0);
        }

        var (mails, listed) = (0, 0);
        await using var session = store.LightweightSession();
        var waiting = await session.Query<DigestItem>().Where(i => i.SentAt == null).ToListAsync(ct);
        foreach (var items in waiting.GroupBy(i => i.MemberId))
        {
            var member = await session.LoadAsync<MemberProfile>(items.Key, ct);
            var notifications = await session.LoadManyAsync<Notification>(ct, items.Select(i => i.Id).ToArray());
            if (member is not null && NotificationMail.Digest(member, notifications.ToList(), mailer.SiteUrl) is { } mail)
            {
                // Named after the items it lists: a run that fails after queueing and runs again queues the same digest once.
                await mailer.QueueAsync(session, mail with { Id = MailIdFor(items.Select(i => i.Id)) }, ct);
                (mails, listed) = (mails + 1, listed + notifications.Count);
            }
            foreach (var item in items) session.Store(item with { SentAt = now });
            await session.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return new DigestRun(mails, listed);
    }

    public static Guid MailIdFor(IEnumerable<Guid> items) =>
        new(System.Security.Cryptography.SHA256.HashData(items.Order().SelectMany(i => i.ToByteArray()).ToArray()).AsSpan(0, 16));

    [EndpointSummary("Run the daily digest now (admin only); it sends only what no earlier digest sent.")]
    [WolverinePost("/api/admin/digest/run")]
    [Authorize(Policy = RolePolicies.Admin)]
    public static async Task<Answer<DigestRun>> Run(
        IDocumentStore store, NpgsqlDataSource database, Mailer mailer, TimeProvider clock, CancellationToken ct) =>
        await RunAsync(store, database, mailer, clock.GetUtcNow(), ct);
}

public static class DailyDigestHandler
{
    /// <summary>
    /// Claims the day and schedules the next one in the same transaction (Wolverine's outbox), so the chain
    /// of days never breaks and a duplicate of the same day does nothing.
    /// </summary>
    public static async Task Handle(SendDailyDigest due, IDocumentSession session, IMessageContext context, TimeProvider clock, CancellationToken ct)
    {
        var id = due.Day.ToString("yyyy-MM-dd");
        if (await session.LoadAsync<DigestDay>(id, ct) is not null) return;
        session.Insert(new DigestDay(id, clock.GetUtcNow()));
        var next = due.Day.AddDays(1);
        await context.ScheduleAsync(new SendDailyDigest(next), DailyDigest.DueAt(next));
        await context.PublishAsync(new RunDailyDigest(due.Day));
    }

    /// <summary>A failed run leaves its items unsent, so the next run picks them up: nothing is lost.</summary>
    public static async Task Handle(RunDailyDigest run, IDocumentStore store, NpgsqlDataSource database, Mailer mailer, TimeProvider clock, CancellationToken ct) =>
        await DailyDigest.RunAsync(store, database, mailer, clock.GetUtcNow(), ct);
}

/// <summary>
/// Puts the next digest on the schedule at start-up, which starts the chain on a new platform and mends
/// it should it ever break. Duplicates are harmless: the day is claimed once.
/// </summary>
public sealed class DailyDigestSchedule(IWolverineRuntime runtime, TimeProvider clock, ILogger<DailyDigestSchedule> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            var day = DailyDigest.NextDay(clock.GetUtcNow());
            await new MessageBus(runtime).ScheduleAsync(new SendDailyDigest(day), DailyDigest.DueAt(day));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not schedule the next daily digest");
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
