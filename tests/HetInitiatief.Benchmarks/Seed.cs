using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HetInitiatief.Coalitions;
using HetInitiatief.Infrastructure;
using HetInitiatief.Initiative;
using HetInitiatief.Members;
using HetInitiatief.Questions;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HetInitiatief.Benchmarks;

/// <summary>How large a seeded network is.</summary>
public sealed record SeedSize(string Name, int Members, int Questions, int Coalitions, int Events)
{
    /// <summary>Issue 16: ten times the 500-member goal.</summary>
    public static readonly SeedSize Full = new("full", 5_000, 20_000, 2_000, 1_000_000);

    /// <summary>Ten times less, for "cost that does not grow with history".</summary>
    public static readonly SeedSize Small = new("small", 500, 2_000, 200, 100_000);

    /// <summary>The smoke run's sizes (1/100 and 1/1000), so `--quick` stays in seconds.</summary>
    public static readonly SeedSize QuickFull = new("quick-full", 100, 200, 20, 10_000);

    public static readonly SeedSize QuickSmall = new("quick-small", 50, 40, 5, 1_000);
}

/// <summary>A seeded template database and what the measurements need to know about it.</summary>
public sealed record Seeded(
    SeedSize Size, string TemplateDatabase, long Events, long Streams, string Password, string ModeratorEmail,
    string MemberEmail, Guid MemberId, Guid BusyQuestionId, Guid QuestionWithCoalitionId, double SeedSeconds,
    double AppendSeconds, double RebuildSeconds, double RebuildPeakMegabytes, bool FromCache);

/// <summary>
/// The large data set of issue 16, seeded fast and cached between runs.
/// <para>
/// How: the benchmark builds the app's own Marten store in-process (the app's <c>AddPlatformAsync</c>, never started,
/// so every feature's <c>IConfigureMarten</c>, its event types and its serializer are the app's), generates the
/// history with the app's own event records, and writes it with Marten's <c>BulkInsertEventsAsync</c> (binary COPY into
/// mt_streams/mt_events, no inline projections, one COPY per batch of streams). Sign-in documents
/// (<c>MemberLogin</c>, one PasswordHasher hash shared by all members) go in with Marten's document bulk insert.
/// Then the read models are built as an operator would after an import: the app's <c>projections rebuild</c> command
/// as a Production process of its own, so they are exactly what the app's projections make of those events.
/// </para>
/// <para>
/// Cache: one PostgreSQL cluster under <c>~/.cache/het-initiatief-bench/</c> whose directory name carries
/// <see cref="Version"/> and a hash of the app's event types, document types and their properties (<see cref="Stamp"/>);
/// each size is a database <c>seed_&lt;size&gt;</c> in it, marked done in <c>bench_seed</c> only after the rebuild.
/// A run copies it (<c>CREATE DATABASE … TEMPLATE</c>) and works on the copy.
/// </para>
/// </summary>
public static class Seed
{
    /// <summary>Raise when the generated history changes shape; the event/document hash covers the app's side.</summary>
    public const int Version = 2;

    public const string Password = "benchmark-wachtwoord-1";

    private static readonly string[] Themes =
    [
        "didactiek", "taal-en-lezen", "rekenen", "differentiatie", "formatief-evalueren", "klassenmanagement",
        "digitale-geletterdheid", "burgerschap", "wereldorientatie", "kunst-en-cultuur", "bewegingsonderwijs", "loopbaan",
        "ouderbetrokkenheid", "professionele-cultuur", "onderzoek",
    ];

    private static readonly string[] Sectors = ["po", "vo", "mbo", "hbo"];

    private static readonly string[] Titles =
    [
        "Hoe geef ik betere woordenschatlessen", "Hoe laat ik leerlingen elkaar feedback geven",
        "Hoe differentieer ik bij rekenen zonder drie lessen voor te bereiden", "Hoe houd ik de rust na de pauze",
        "Hoe betrek ik ouders bij het leesplezier", "Hoe zet ik formatief toetsen in bij geschiedenis",
        "Hoe leer ik leerlingen onderzoekend werken", "Hoe maak ik burgerschap concreet in de klas",
        "Hoe gebruik ik AI verantwoord bij schrijfopdrachten", "Hoe begeleid ik loopbaangesprekken in het mbo",
    ];

    private const string Context =
        "In mijn groep zie ik dat leerlingen de nieuwe woorden na een week weer kwijt zijn. We werken met de viertakt, " +
        "maar het herhalen schiet erbij in. Ik zoek een aanpak die past in twintig minuten per dag en die ook werkt " +
        "voor de leerlingen die thuis weinig Nederlands spreken.";

    private static readonly string[] FollowUps =
    [
        "Wat heb je zelf al geprobeerd, en wat werkte daarvan een beetje?", "Om hoeveel leerlingen gaat het precies?",
        "Hoe meet je nu of ze de woorden onthouden?", "Werk je samen met een collega in de parallelgroep?",
        "Wat zou voor jou over drie maanden een succes zijn?",
    ];

    private static readonly string[] Answers =
    [
        "Ik heb woordwebben geprobeerd; dat hielp bij de sterke lezers.", "Het gaat om zeven van de achtentwintig leerlingen.",
        "Met een korte toets op vrijdag, maar die zegt weinig.", "Ja, we stemmen de thema's af maar niet de aanpak.",
        "Dat ze de woorden in hun eigen schrijfwerk gebruiken.",
    ];

    private static readonly string[] Positions = [Coalitions.Positions.Partner, Coalitions.Positions.Supplier, Coalitions.Positions.Link, Coalitions.Positions.User];

    /// <summary>
    /// <c>~/.cache/het-initiatief-bench</c> (or under <c>$XDG_CACHE_HOME</c>); as root <c>/var/cache/het-initiatief-bench</c>,
    /// because LocalPostgres then runs the server as the postgres user, who cannot enter root's home.
    /// </summary>
    private static string CacheRoot => Environment.IsPrivilegedProcess ? "/var/cache/het-initiatief-bench" :
        Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "het-initiatief-bench");

    /// <summary>The cluster's directory for this version of the app's events and documents.</summary>
    public static string DataDirectory() => Path.Combine(CacheRoot, $"pg-v{Version}-{Stamp()}");

    /// <summary>
    /// A hash of every event type and Marten document type of the web assembly with their public properties: a change to
    /// an event or a read model's shape gives a new cluster (the old one is left for the operator to delete).
    /// </summary>
    public static string Stamp()
    {
        var web = typeof(QuestionPosted).Assembly;
        var text = new StringBuilder();
        foreach (var type in web.GetTypes()
                     .Where(t => t.IsPublic && t.Namespace?.StartsWith("HetInitiatief") == true && !t.IsAbstract)
                     .Where(t => t.GetMethod("<Clone>$") is not null || t.Name.EndsWith("Details") || t.Name.EndsWith("Item"))
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(type.FullName).Append('(');
            foreach (var property in type.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
                text.Append(property.Name).Append(':').Append(property.PropertyType.Name).Append(',');
            text.AppendLine(")");
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
    }

    /// <summary>The seeded template for <paramref name="size"/>, from the cache when it is there.</summary>
    public static async Task<Seeded> EnsureAsync(LocalPostgres postgres, SeedSize size, Action<string> log)
    {
        var template = $"seed_{size.Name.Replace('-', '_')}";
        await using (var admin = new NpgsqlConnection(AdminConnection(postgres, LocalPostgres.DatabaseName)))
        {
            await admin.OpenAsync();
            await Execute(admin, "create table if not exists bench_seed (name text primary key, info jsonb not null)");
            await using var read = new NpgsqlCommand("select info::text from bench_seed where name = $1", admin)
                { Parameters = { new() { Value = template } } };
            if (await read.ExecuteScalarAsync() is string cached)
            {
                log($"seed {size.Name}: cached ({template})");
                return JsonSerializer.Deserialize<Seeded>(cached)! with { FromCache = true };
            }
            await Execute(admin, $"drop database if exists {template} with (force)");
            await Execute(admin, $"create database {template}");
        }

        var clock = Stopwatch.StartNew();
        var connectionString = Database.Tuned(DatabaseConnection(postgres, template));
        log($"seed {size.Name}: applying the schema (db-apply)…");
        await AppUnderTest.ApplySchemaAsync(connectionString);

        log($"seed {size.Name}: generating and appending ~{size.Events:N0} events…");
        var append = Stopwatch.StartNew();
        var history = await AppendHistoryAsync(connectionString, size, log);
        append.Stop();
        log($"seed {size.Name}: {history.Events:N0} events in {history.Streams:N0} streams appended in {append.Elapsed.TotalSeconds:F0} s");

        log($"seed {size.Name}: building the read models (projections rebuild)…");
        var rebuild = await Rebuild.RunCommandAsync(connectionString, log);
        log($"seed {size.Name}: read models built in {rebuild.Seconds:F0} s (peak {rebuild.PeakMegabytes:F0} MB)");

        await using (var seeded = new NpgsqlConnection(AdminConnection(postgres, template)))
        {
            await seeded.OpenAsync();
            await Execute(seeded, "vacuum analyze", timeoutSeconds: 0);
        }
        NpgsqlConnection.ClearAllPools();
        clock.Stop();

        var result = new Seeded(size, template, history.Events, history.Streams, Password, history.ModeratorEmail,
            history.MemberEmail, history.MemberId, history.BusyQuestionId, history.QuestionWithCoalitionId,
            clock.Elapsed.TotalSeconds, append.Elapsed.TotalSeconds, rebuild.Seconds, rebuild.PeakMegabytes, FromCache: false);
        await using (var admin = new NpgsqlConnection(AdminConnection(postgres, LocalPostgres.DatabaseName)))
        {
            await admin.OpenAsync();
            await using var write = new NpgsqlCommand(
                "insert into bench_seed (name, info) values ($1, $2::jsonb) on conflict (name) do update set info = excluded.info", admin)
            {
                Parameters = { new() { Value = template }, new() { Value = JsonSerializer.Serialize(result) } },
            };
            await write.ExecuteNonQueryAsync();
        }
        log($"seed {size.Name}: done in {clock.Elapsed.TotalSeconds:F0} s");
        return result;
    }

    /// <summary>
    /// A fresh copy of the template for one run (a file copy inside PostgreSQL: seconds, not a re-seed), brought up to
    /// this build's schema with <c>db-apply</c> and <c>vacuum (analyze)</c> as a deploy would: the version stamp covers
    /// the event and document types, not indexes or duplicated columns, so a cached seed may predate one (a Production
    /// node refuses a differing schema).
    /// </summary>
    public static async Task<string> CopyAsync(LocalPostgres postgres, Seeded seeded, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(AdminConnection(postgres, LocalPostgres.DatabaseName)))
        {
            await admin.OpenAsync();
            await Execute(admin, $"drop database if exists {name} with (force)");
            await Execute(admin, $"create database {name} template {seeded.TemplateDatabase}", timeoutSeconds: 0);
        }
        var copy = Database.Tuned(DatabaseConnection(postgres, name));
        await AppUnderTest.ApplySchemaAsync(copy);
        // The deploy's next step (docs/operations.md): a column db-apply just added and filled has no statistics yet,
        // and without them PostgreSQL sorted the whole board (93 ms instead of 8) until autovacuum came round.
        await using (var connection = new NpgsqlConnection(copy))
        {
            await connection.OpenAsync();
            await Execute(connection, "vacuum (analyze)", timeoutSeconds: 0);
        }
        return copy;
    }

    public static async Task DropAsync(LocalPostgres postgres, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnection(postgres, LocalPostgres.DatabaseName));
        await admin.OpenAsync();
        await Execute(admin, $"drop database if exists {name} with (force)");
    }

    public static string DatabaseConnection(LocalPostgres postgres, string database) =>
        new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = database }.ConnectionString;

    private static string AdminConnection(LocalPostgres postgres, string database) =>
        new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = database, Pooling = false, CommandTimeout = 0 }
            .ConnectionString;

    private static async Task Execute(NpgsqlConnection connection, string sql, int timeoutSeconds = 300)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
        await command.ExecuteNonQueryAsync();
    }

    private sealed record History(long Events, long Streams, string ModeratorEmail, string MemberEmail, Guid MemberId,
        Guid BusyQuestionId, Guid QuestionWithCoalitionId);

    /// <summary>
    /// Members (registered, confirmed, following themes; the first five moderators, the next ten school leaders, a tenth
    /// offering themes), questions with their conversation (follow-ups asked and answered, reformulations, goals,
    /// endorsements, a few withdrawn) and coalitions with their churn (joins, leaves, position changes, the threshold,
    /// updates). Stream lengths are skewed (exponential), so some questions and coalitions carry long histories.
    /// </summary>
    private static async Task<History> AppendHistoryAsync(string connectionString, SeedSize size, Action<string> log)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production", ContentRootPath = AppUnderTest.WebProjectDirectory, Args = [],
        });
        builder.Configuration[$"ConnectionStrings:{Database.ConnectionStringName}"] = connectionString;
        builder.Configuration["Platform:BaseUrl"] = "http://127.0.0.1";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        await builder.AddPlatformAsync();
        await using var app = builder.Build();
        var store = (DocumentStore)app.Services.GetRequiredService<IDocumentStore>();
        var registry = (IEventRegistry)store.Options.Events;

        var random = new Random(20261207 + size.Events);
        var now = DateTimeOffset.UtcNow;
        var start = now.AddDays(-720);
        var members = Enumerable.Range(0, size.Members).Select(i => Guid.CreateVersion7(start.AddMinutes(i))).ToArray();
        string Email(int i) => $"lid{i:D5}@bench.example";
        long events = 0, streams = 0;

        var pending = new List<StreamAction>();
        var pendingEvents = 0;
        async Task Flush(bool force = false)
        {
            if (pending.Count == 0 || (!force && pendingEvents < 50_000)) return;
            await store.BulkInsertEventsAsync(pending, batchSize: 10_000);
            events += pendingEvents;
            streams += pending.Count;
            pending.Clear();
            pendingEvents = 0;
        }
        void Add(Guid id, List<(object Data, DateTimeOffset At)> stream)
        {
            var action = StreamAction.Start(registry, id, stream.Select(e => e.Data).ToArray());
            for (var i = 0; i < stream.Count; i++) action.Events[i].Timestamp = stream[i].At;
            pending.Add(action);
            pendingEvents += stream.Count;
        }

        // Members: the budget's first part.
        var memberThemes = new string[size.Members][];
        for (var i = 0; i < size.Members; i++)
        {
            var at = start.AddMinutes(i * 3 + random.Next(3));
            var stream = new List<(object, DateTimeOffset)>
            {
                (new MemberRegistered(members[i], $"Lid {i} Bench", Email(i), $"School {i % 400}", Sectors[i % 4], at), at),
                (new MemberEmailConfirmed(members[i], at.AddMinutes(5)), at.AddMinutes(5)),
            };
            memberThemes[i] = [Themes[random.Next(Themes.Length)], Themes[random.Next(Themes.Length)]];
            foreach (var theme in memberThemes[i].Distinct())
                stream.Add((new MemberFollowedTheme(members[i], theme, at.AddMinutes(10)), at.AddMinutes(10)));
            if (i < 5) stream.Add((new MemberRoleGranted(members[i], MemberRoles.Moderator, Guid.Empty, at.AddHours(1)), at.AddHours(1)));
            else if (i < 15) stream.Add((new MemberRoleGranted(members[i], MemberRoles.SchoolLeader, members[0], at.AddHours(1)), at.AddHours(1)));
            if (i % 10 == 3)
                stream.Add((new MemberOfferingUpdated(members[i], memberThemes[i].Distinct().ToList(), "Ik help graag.", at.AddDays(1)), at.AddDays(1)));
            Add(members[i], stream);
            await Flush();
        }
        var memberEvents = pendingEvents + events;

        // Then the questions and coalitions share what is left, two to one (a coalition's stream is the busier one).
        var left = Math.Max(0, size.Events - memberEvents);
        var questionLengths = Lengths(random, size.Questions, 0.65 * left, minimum: 1);
        var coalitionLengths = Lengths(random, Math.Min(size.Coalitions, size.Questions), 0.35 * left, minimum: 2);
        var coalitionNumber = 0;
        var questionIds = new Guid[size.Questions];
        var owners = new int[size.Questions];
        var postedAt = new DateTimeOffset[size.Questions];
        var withCoalition = new HashSet<int>();
        while (withCoalition.Count < Math.Min(size.Coalitions, size.Questions)) withCoalition.Add(random.Next(size.Questions));
        var busiest = (Index: 0, Length: 0);
        for (var q = 0; q < size.Questions; q++)
        {
            // Posted spread over the two years, later ones more often (the network grows).
            var age = Math.Pow(random.NextDouble(), 2) * 700;
            var at = now.AddDays(-age).AddMinutes(-random.Next(60 * 24));
            var owner = random.Next(size.Members);
            var id = Guid.CreateVersion7(at);
            questionIds[q] = id;
            owners[q] = owner;
            postedAt[q] = at;
            var themes = new List<string> { Themes[random.Next(Themes.Length)] };
            if (random.Next(3) == 0) themes.Add(Themes[random.Next(Themes.Length)]);
            var title = $"{Titles[q % Titles.Length]} (vraag {q})?";
            var stream = new List<(object, DateTimeOffset)>
            {
                (new QuestionPosted(id, members[owner], title, Context, "Mijn leerlingen lopen achter.", "De viertakt.",
                    themes.Distinct().ToList(), Sectors[owner % 4], at), at),
            };
            var length = questionLengths[q];
            var open = new List<Guid>();
            var formulation = 1;
            var endorsed = false;
            var clock = at;
            while (stream.Count < length)
            {
                clock = Step(random, clock, now);
                var roll = random.Next(100);
                if (roll < 45 || open.Count == 0 && roll < 80)
                {
                    var asker = random.Next(size.Members);
                    if (asker == owner) asker = (asker + 1) % size.Members;
                    var followUp = Guid.CreateVersion7(clock);
                    open.Add(followUp);
                    stream.Add((new FollowUpAsked(id, followUp, members[asker], FollowUps[random.Next(FollowUps.Length)], clock), clock));
                }
                else if (roll < 85 && open.Count > 0)
                {
                    var followUp = open[random.Next(open.Count)];
                    open.Remove(followUp);
                    stream.Add((new FollowUpAnswered(id, followUp, members[owner], Answers[random.Next(Answers.Length)], clock), clock));
                }
                else if (roll < 92)
                {
                    formulation++;
                    stream.Add((new QuestionReformulated(id, members[owner], formulation, $"{title} (versie {formulation})", Context, clock), clock));
                }
                else if (roll < 97)
                    stream.Add((new GoalSet(id, members[owner], "Over drie maanden gebruiken ze de woorden in hun eigen schrijfwerk.", clock), clock));
                else if (!endorsed && size.Members > 15)
                {
                    endorsed = true;
                    stream.Add((new QuestionEndorsed(id, members[5 + owner % 10], $"School {owner % 400}", clock), clock));
                }
            }
            // A few questions are withdrawn (never one with a coalition: withdrawing closes the coalition too).
            if (!withCoalition.Contains(q) && random.Next(100) < 3)
            {
                clock = Step(random, clock, now);
                stream.Add((new QuestionWithdrawn(id, members[owner], clock), clock));
            }
            if (stream.Count > busiest.Length && !withCoalition.Contains(q)) busiest = (q, stream.Count);
            Add(id, stream);
            await Flush();
        }

        var coalitionQuestion = -1;
        foreach (var q in withCoalition.Order())
        {
            var questionId = questionIds[q];
            var coalitionId = Coalition.IdFor(questionId);
            var initiator = owners[q];
            var at = Step(random, postedAt[q], now);
            const int threshold = 5;
            var stream = new List<(object, DateTimeOffset)>
            {
                (new CoalitionFormed(coalitionId, questionId, members[initiator], threshold, null,
                    "Wie leert mee? We proberen het een periode uit in onze eigen klassen.", at), at),
            };
            var inside = new Dictionary<int, string>();
            var reached = false;
            var length = coalitionLengths[coalitionNumber++];
            var clock = at;
            while (stream.Count < length)
            {
                clock = Step(random, clock, now, minutes: 600);
                var roll = random.Next(100);
                if (roll < 50 || inside.Count < 3)
                {
                    var member = random.Next(size.Members);
                    if (member == initiator || inside.ContainsKey(member)) continue;
                    var position = random.Next(3) == 0 ? Positions[random.Next(Positions.Length)] : Coalitions.Positions.Partner;
                    inside[member] = position;
                    stream.Add((new MemberJoinedCoalition(coalitionId, members[member], position, "Ik probeer het in mijn klas.", clock), clock));
                    var partners = 1 + inside.Values.Count(p => p == Coalitions.Positions.Partner);
                    if (!reached && partners >= threshold)
                    {
                        reached = true;
                        stream.Add((new CoalitionThresholdReached(coalitionId, partners, threshold, clock), clock));
                    }
                }
                else if (roll < 85)
                {
                    var member = inside.Keys.ElementAt(random.Next(inside.Count));
                    stream.Add((new MemberLeftCoalition(coalitionId, members[member], inside[member], clock), clock));
                    inside.Remove(member);
                }
                else if (roll < 93)
                {
                    var member = inside.Keys.ElementAt(random.Next(inside.Count));
                    var position = Positions[random.Next(Positions.Length)];
                    if (position == inside[member]) continue;
                    inside[member] = position;
                    stream.Add((new CoalitionPositionChanged(coalitionId, members[member], position, clock), clock));
                    var partners = 1 + inside.Values.Count(p => p == Coalitions.Positions.Partner);
                    if (!reached && partners >= threshold)
                    {
                        reached = true;
                        stream.Add((new CoalitionThresholdReached(coalitionId, partners, threshold, clock), clock));
                    }
                }
                else
                {
                    var member = inside.Keys.ElementAt(random.Next(inside.Count));
                    stream.Add((new InitiativeUpdatePosted(coalitionId, Guid.CreateVersion7(clock), members[member],
                        "We hebben de eerste week achter de rug; de leerlingen reageren enthousiast.", clock), clock));
                }
            }
            if (coalitionQuestion < 0) coalitionQuestion = q;
            Add(coalitionId, stream);
            await Flush();
        }
        await Flush(force: true);

        // Sign-in documents: one hash (PBKDF2 is slow on purpose) shared by every member.
        var hash = new PasswordHasher<MemberLogin>().HashPassword(null!, Password);
        var logins = Enumerable.Range(0, size.Members)
            .Select(i => new MemberLogin(MemberLogin.Normalise(Email(i)), members[i], hash)).ToList();
        await store.BulkInsertAsync(logins, batchSize: 5_000);

        var memberIndex = Math.Min(20, size.Members - 1);
        return new History(events, streams, Email(0), Email(memberIndex), members[memberIndex], questionIds[busiest.Index],
            coalitionQuestion >= 0 ? questionIds[coalitionQuestion] : questionIds[0]);
    }

    /// <summary>
    /// Exponentially distributed stream lengths (a few long histories, many short ones) that add up to exactly
    /// <paramref name="total"/> events (the threshold and withdrawals, appended on top, add a few tenths of a percent).
    /// </summary>
    private static int[] Lengths(Random random, int streams, double total, int minimum)
    {
        if (streams == 0) return [];
        var draws = Enumerable.Range(0, streams).Select(_ => -Math.Log(1 - random.NextDouble())).ToArray();
        var sum = draws.Sum();
        var lengths = draws.Select(d => Math.Max(minimum, (int)Math.Round(d / sum * total))).ToArray();
        var difference = (long)Math.Round(total) - lengths.Sum(l => (long)l);
        for (var i = 0; difference != 0 && (difference > 0 || lengths.Any(l => l > minimum)); i = (i + 1) % streams)
        {
            if (difference > 0) { lengths[i]++; difference--; }
            else if (lengths[i] > minimum) { lengths[i]--; difference++; }
        }
        return lengths;
    }

    private static DateTimeOffset Step(Random random, DateTimeOffset clock, DateTimeOffset now, int minutes = 240)
    {
        var next = clock.AddMinutes(1 + random.Next(minutes));
        return next < now ? next : now.AddSeconds(-1);
    }
}
