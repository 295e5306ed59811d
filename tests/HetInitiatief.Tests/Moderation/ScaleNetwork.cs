using HetInitiatief.Catalogue;
using HetInitiatief.Coalitions;
using HetInitiatief.Initiative;
using HetInitiatief.Moderation;
using HetInitiatief.Offers;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using K = HetInitiatief.Moderation.HealthFactKinds;

namespace HetInitiatief.Tests.Moderation;

/// <summary>
/// A synthetic network of a chosen size in a database of its own, written with Marten's bulk insert straight into the
/// read models the radar and the health dashboard read (and the health facts of about twenty events per question).
/// Deterministic: the same size gives the same network.
/// </summary>
public sealed class ScaleNetwork : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 18, 12, 0, 0, TimeSpan.Zero);

    private readonly OwnDatabase _database;

    private ScaleNetwork(OwnDatabase database, WebServer server) => (_database, Server) = (database, server);

    public string ConnectionString => _database.ConnectionString;

    public WebServer Server { get; }
    public IDocumentStore Store => Server.Services.GetRequiredService<IDocumentStore>();

    public static async Task<ScaleNetwork> StartAsync(string connectionString)
    {
        var database = await OwnDatabase.CreateAsync(connectionString, "scale");
        return new ScaleNetwork(database, await WebServer.StartAsync(database.ConnectionString));
    }

    /// <summary>Members, questions (most open, some probed), a coalition for every tenth question, offers and health facts.</summary>
    public async Task SeedAsync(int questions)
    {
        var random = new Random(questions);
        var themes = Themes.All.Keys.ToArray();
        var sectors = Sectors.All.Keys.ToArray();
        var members = Enumerable.Range(0, Math.Max(50, questions / 4)).Select(_ => Guid.NewGuid()).ToArray();
        Guid Member() => members[random.Next(members.Length)];
        DateTimeOffset Past(int maxDays) => Now.AddMinutes(-random.Next(60, maxDays * 24 * 60));

        var details = new List<QuestionDetails>();
        var facts = new List<HealthFact>();
        long sequence = 0;
        void Fact(string kind, Guid member, DateTimeOffset at, Guid? subject = null, Guid? related = null, string? detail = null) =>
            facts.Add(new HealthFact(Guid.NewGuid(), ++sequence, kind, member, at, subject, related, detail));
        foreach (var m in members) Fact(K.Registered, m, Past(900), detail: $"school{random.Next(members.Length / 5 + 1)}");

        for (var i = 0; i < questions; i++)
        {
            var id = Guid.NewGuid();
            var posted = Past(730);
            var owner = Member();
            var followUps = Enumerable.Range(0, random.Next(0, 4)).Select(f =>
            {
                var asked = posted.AddHours(random.Next(1, 200));
                var answered = random.Next(3) > 0;
                return new QuestionDetails.FollowUp(Guid.NewGuid(), Member(), $"Vervolgvraag {f} bij vraag {i}: hoe pak je dat aan in de klas?",
                    asked, answered ? "Zo doen wij het, met een uitgebreid antwoord." : null, answered ? asked.AddHours(5) : null);
            }).OrderBy(f => f.AskedAt).ToList(); // as the projection has them: appended in the order they were asked
            var title = $"Hoe betrek ik leerlingen bij vraag nummer {i}?";
            var context = string.Concat(Enumerable.Repeat("Een context die uitlegt waar de vraag vandaan komt. ", 8));
            details.Add(new QuestionDetails(id, owner, title, context, "Het is mijn vraag omdat ik lesgeef.", "Wat ik al weet.",
                [themes[random.Next(themes.Length)]], sectors[random.Next(sectors.Length)],
                random.Next(10) < 8 ? QuestionStatus.Open : QuestionStatus.Withdrawn, null, null, posted, posted, 1 + followUps.Count,
                followUps, [new QuestionDetails.Formulation(1, title, context, posted, [])]));
            Fact(K.QuestionPosted, owner, posted, id);
            foreach (var f in followUps)
            {
                Fact(K.FollowUpAsked, f.AskedBy, f.AskedAt, id);
                if (f.AnsweredAt is { } at) Fact(K.FollowUpAnswered, owner, at, id);
            }
        }

        var coalitions = new List<CoalitionDetails>();
        var proposals = new List<Proposal>();
        var timelines = new List<InitiativeTimeline>();
        // Every question has its card, as the inline projections give it.
        var boardItems = details.Select(q => new QuestionBoardItem(q.Id, q.OwnerId, q.Title, "", q.Themes, q.Sector, q.Status,
            q.FollowUps.Count, q.FollowUps.Count(f => f.Answer is null), 1, false, q.PostedAt, q.LastActivityAt, q.Version, q.Title))
            .ToList();
        foreach (var q in details.Where((_, i) => i % 10 == 0))
        {
            var id = Coalition.IdFor(q.Id);
            var formed = q.PostedAt.AddDays(2);
            var joined = Enumerable.Range(0, random.Next(0, 8))
                .Select(j => new CoalitionDetails.Member(Member(), Positions.Partner, "", formed.AddDays(j + 1))).ToList();
            var reached = joined.Count >= 3 ? formed.AddDays(3) : (DateTimeOffset?)null;
            var status = random.Next(10) < 8 ? CoalitionStatus.Open : CoalitionStatus.Closed;
            coalitions.Add(new CoalitionDetails(id, q.Id, q.OwnerId, 3, formed.AddDays(60), "Doe mee", status, formed, reached,
                [new CoalitionDetails.Member(q.OwnerId, Positions.Initiator, "", formed), .. joined], null,
                joined.Count > 0 ? joined[^1].JoinedAt : formed, 1 + joined.Count));
            Fact(K.CoalitionFormed, q.OwnerId, formed, id, q.Id);
            foreach (var j in joined) Fact(K.CoalitionJoined, j.MemberId, j.JoinedAt, id);
            if (reached is not null && random.Next(2) == 0)
            {
                var proposal = new Proposal(Guid.NewGuid(), id, q.Id, Member(), "Een bijeenkomst", "Uitkomst", "workshop", "online", "maandag",
                    ProposalStatus.Open, [], null, random.Next(3) == 0 ? Now.AddDays(-random.Next(1, 80)) : reached.Value.AddDays(4), 1);
                proposals.Add(proposal);
                Fact(K.ProposalMade, proposal.ProposedBy, proposal.MadeAt, proposal.Id, id);
            }
            if (random.Next(10) == 0)
                timelines.Add(new InitiativeTimeline(id, q.Id, [], [], [], null,
                    new InitiativeTimeline.Completion(q.OwnerId, "Gelukt", formed.AddDays(40)), []));
        }

        // Filler facts (sign-ups and feedback) up to about twenty per question, as a busy network's history has.
        while (facts.Count < questions * 20) Fact(random.Next(2) == 0 ? K.SignedUp : K.FeedbackGiven, Member(), Past(730), Guid.NewGuid());

        await Store.BulkInsertDocumentsAsync(details, batchSize: 2000);
        await Store.BulkInsertDocumentsAsync(coalitions, batchSize: 2000);
        await Store.BulkInsertDocumentsAsync(proposals, batchSize: 2000);
        await Store.BulkInsertDocumentsAsync(boardItems, batchSize: 2000);
        await Store.BulkInsertDocumentsAsync(timelines, batchSize: 2000);
        await Store.BulkInsertDocumentsAsync(facts, batchSize: 10000);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var analyze = new NpgsqlCommand("analyze", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await _database.DisposeAsync();
    }
}
