using HetInitiatief.Members;
using JasperFx.Events.Projections;
using Weasel.Postgresql.Tables;

namespace HetInitiatief.Moderation;

/// <summary>A moderator sent a friendly nudge about a radar item to these members.</summary>
/// <remarks><c>QuestionId</c>: the question the item is about, if any (absent in nudges from before it was recorded).</remarks>
public sealed record RadarItemNudged(
    Guid ItemId, string Key, string Title, string Link, Guid NudgedBy, string Audience, IReadOnlyList<Guid> Recipients, string? Message,
    DateTimeOffset NudgedAt, Guid? QuestionId = null);

/// <summary>A moderator took the item on: it is theirs to follow up.</summary>
public sealed record RadarItemTakenOn(Guid ItemId, string Key, Guid TakenOnBy, DateTimeOffset TakenOnAt);

/// <summary>A moderator decided the item needs nothing, and said why; it leaves the radar.</summary>
public sealed record RadarItemDismissed(Guid ItemId, string Key, Guid DismissedBy, string Reason, DateTimeOffset DismissedAt);

/// <summary>Everything moderators did with one radar item, shown on the item. One stream per item, started by its first action.</summary>
public sealed record RadarItemLog(Guid Id, string Key, Guid? TakenOnBy, string? DismissedBecause, IReadOnlyList<RadarItemLog.Action> Actions)
{
    public sealed record Action(string Kind, Guid By, string Detail, DateTimeOffset At);

    public bool Dismissed => DismissedBecause is not null;

    public static RadarItemLog Create(RadarItemNudged e) => Empty(e.ItemId, e.Key).Apply(e);
    public static RadarItemLog Create(RadarItemTakenOn e) => Empty(e.ItemId, e.Key).Apply(e);
    public static RadarItemLog Create(RadarItemDismissed e) => Empty(e.ItemId, e.Key).Apply(e);

    public static RadarItemLog Empty(Guid id, string key) => new(id, key, null, null, []);

    public RadarItemLog Apply(RadarItemNudged e) =>
        this with { Actions = [.. Actions, new("nudged", e.NudgedBy, $"{Nudges.AudienceNames.GetValueOrDefault(e.Audience, e.Audience)}: {e.Recipients.Count} {(e.Recipients.Count == 1 ? "lid" : "leden")}", e.NudgedAt)] };

    public RadarItemLog Apply(RadarItemTakenOn e) => this with { TakenOnBy = e.TakenOnBy, Actions = [.. Actions, new("takenOn", e.TakenOnBy, "opgepakt", e.TakenOnAt)] };

    public RadarItemLog Apply(RadarItemDismissed e) => this with { DismissedBecause = e.Reason, Actions = [.. Actions, new("dismissed", e.DismissedBy, e.Reason, e.DismissedAt)] };
}

public sealed record TakeOn;

public sealed record Dismiss(string? Reason);

public static class RadarActionEndpoints
{
    public static Decision DecideTakeOn(RadarItemLog log, MemberProfile moderator, DateTimeOffset now) =>
        log.TakenOnBy == moderator.Id ? Decision.Accept() : Decision.Accept(new RadarItemTakenOn(log.Id, log.Key, moderator.Id, now));

    public static Decision DecideDismiss(RadarItemLog log, Dismiss command, MemberProfile moderator, DateTimeOffset now) =>
        new FieldRules().Text("reason", command.Reason, "waarom het niets hoeft", 500).Problem is { } invalid ? invalid
        : log.Dismissed ? Problem.Conflict("Dit punt is al weggelegd.")
        : Decision.Accept(new RadarItemDismissed(log.Id, log.Key, moderator.Id, command.Reason!.Trim(), now));

    [EndpointSummary("Take a radar item on: it is yours to follow up (moderators only).")]
    [WolverinePost("/api/moderation/radar/{id}/take-on")]
    [Authorize(Policy = RolePolicies.Moderator)]
    [Refuses(404)]
    public static Task<Answer<RadarItemLog>> TakeOnItem(
        Guid id, ClaimsPrincipal user, IDocumentStore store, RadarSettings settings, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return ActAsync(id, user, store, settings, now, TakeOn(now), ct);
    }

    [EndpointSummary("Dismiss a radar item with a reason; it leaves the radar (moderators only).")]
    [WolverinePost("/api/moderation/radar/{id}/dismiss")]
    [Authorize(Policy = RolePolicies.Moderator)]
    [Refuses(400, 404, 409)]
    public static Task<Answer<RadarItemLog>> DismissItem(
        Guid id, Dismiss command, ClaimsPrincipal user, IDocumentStore store, RadarSettings settings,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return ActAsync(id, user, store, settings, now, Dismissing(command, now), ct);
    }

    /// <summary>What an action needs besides the item's log, read once the moderator and the item are known.</summary>
    public delegate Task<Func<RadarItemLog, Decision>> Prepare(IQuerySession query, RadarItem item, MemberProfile moderator);

    public static Prepare TakeOn(DateTimeOffset now) => (_, _, moderator) => Task.FromResult<Func<RadarItemLog, Decision>>(log => DecideTakeOn(log, moderator, now));

    public static Prepare Dismissing(Dismiss command, DateTimeOffset now) => (_, _, moderator) => Task.FromResult<Func<RadarItemLog, Decision>>(log => DecideDismiss(log, command, moderator, now));

    public static async Task<Answer<RadarItemLog>> ActAsync(
        Guid id, ClaimsPrincipal user, IDocumentStore store, RadarSettings settings, DateTimeOffset now,
        Prepare prepare, CancellationToken ct)
    {
        var outcome = await ActOnAsync(id, user, store, settings, now, prepare, ct);
        return outcome.Answer();
    }

    /// <summary>Checks the moderator and that the item is on the radar now, then decides on its log (started by the first action).</summary>
    public static async Task<Outcome<RadarItemLog>> ActOnAsync(Guid id, ClaimsPrincipal user, IDocumentStore store, RadarSettings settings, DateTimeOffset now, Prepare prepare, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var moderator = await Moderators.RequireAsync(query, user, ct);
        if (moderator.Problem is { } refused) return refused;
        var item = (await RadarEndpoints.ComputeAsync(query, settings, now, ct)).Items.FirstOrDefault(i => i.Id == id);
        if (item is null) return Problem.NotFound("Dit punt staat (niet meer) op de radar.");
        var decide = await prepare(query, item, moderator.Value!);
        var written = await EventStreams.DecideOrStartAsync<RadarItemLog>(store, id, log => decide(log ?? RadarItemLog.Empty(id, item.Key)), ct);
        if (written.Problem is { } problem) return problem;
        return await query.LoadAsync<RadarItemLog>(id, ct) ?? RadarItemLog.Empty(id, item.Key);
    }
}

public sealed class ModerationConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Projections.Snapshot<RadarItemLog>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<ContentModeration>(SnapshotLifecycle.Inline);
        options.Schema.For<ContentModeration>().Index(x => x.QuestionId);
        RadarIndexes(options);
    }

    /// <summary>
    /// The radar's bounded reads walk these (on other features' documents, registered here because only the radar reads
    /// them so): unprobed open questions by their posting, open coalitions by their last activity, offers by their moment.
    /// </summary>
    private static void RadarIndexes(StoreOptions options)
    {
        options.Schema.For<Questions.QuestionDetails>().Index(x => x.PostedAt, index =>
        {
            index.Name = RadarReads.UnprobedIndex;
            index.Predicate = "data ->> 'Status' = 'open' and jsonb_array_length(data -> 'FollowUps') = 0";
        });
        options.Schema.For<Coalitions.CoalitionDetails>().Index(x => x.LastActivityAt, index =>
        {
            index.Name = RadarReads.OpenCoalitionsIndex;
            index.Predicate = "data ->> 'Status' = 'open'";
        });
        // Open coalitions by when they reached their threshold (those still without an offer wait longest), with the
        // status statistics that let PostgreSQL walk it; sessions by their coalition, for "has it an offer?".
        options.Schema.For<Coalitions.CoalitionDetails>().Index(x => x.Status).Index(x => x.ThresholdReachedAt, index =>
        {
            index.Name = RadarReads.ReachedIndex;
            index.Predicate = "data ->> 'Status' = 'open'";
        });
        options.Schema.For<Sessions.Session>().Index(x => x.CoalitionId);
        options.Schema.For<Offers.Proposal>().Index(x => x.MadeAt, index => index.Name = RadarReads.ProposalMadeAtIndex);
        // Open questions by their oldest unanswered follow-up. Its statistics come from the status index: without them
        // PostgreSQL guesses that 0.5 % of the questions are open and sorts them all instead of walking this one.
        options.Schema.For<Questions.QuestionDetails>().Index(x => x.Status);
        // Declared through Marten (so a migration keeps it): a policy, because the index is on an expression, no member.
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType != typeof(Questions.QuestionDetails)) return;
            mapping.Indexes.Add(new IndexDefinition(RadarReads.UnansweredIndex)
            {
                Columns = [RadarReads.OldestUnanswered("data")],
                Predicate = "data ->> 'Status' = 'open'",
            });
        });
    }
}
