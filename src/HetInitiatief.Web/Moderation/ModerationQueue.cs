using HetInitiatief.Members;
using HetInitiatief.Notifications;
using HetInitiatief.Questions;
using JasperFx.Events;

namespace HetInitiatief.Moderation;

public sealed record Review(string? Reason);

/// <summary>A contribution waiting for a moderator: the flags, the text as written, whether it is hidden.</summary>
public sealed record QueueItem(
    Guid ModerationId, string ContentType, string ContentTypeName, Guid ContentId, Guid QuestionId, Person Author, string Text, bool Hidden, string? HiddenReason,
    IReadOnlyList<FlagView> Flags, DateTimeOffset LastChangedAt);

public sealed record FlagView(Person By, string Reason, DateTimeOffset At);

public static class ModerationQueueEndpoints
{
    public static Decision DecideHide(ContentModeration moderation, Review command, MemberProfile moderator, DateTimeOffset now) =>
        MustGiveReason(command) is { } invalid ? invalid
        : moderation.Hidden && !moderation.HiddenAutomatically ? Problem.Conflict("Deze bijdrage is al verborgen.")
        : Decision.Accept(new ContentHidden(moderation.Id, moderator.Id, command.Reason!.Trim(), now));

    public static Decision DecideRestore(ContentModeration moderation, Review command, MemberProfile moderator, DateTimeOffset now) =>
        MustGiveReason(command) is { } invalid ? invalid
        : !moderation.Hidden && moderation.OpenFlags.Count == 0 ? Problem.Conflict("Er is niets te herstellen: de bijdrage is zichtbaar en niet gemeld.")
        : Decision.Accept(new ContentRestored(moderation.Id, moderator.Id, command.Reason!.Trim(), now));

    /// <summary>Hiding and restoring both answer to the author, so both need a reason the author will read.</summary>
    private static Problem? MustGiveReason(Review command) =>
        new FieldRules().Text("reason", command.Reason, "de reden (de schrijver ziet die)", 500).Problem;

    [EndpointSummary("The moderation queue: flagged contributions and those hidden automatically, waiting for review (moderators only).")]
    [WolverineGet("/api/moderation/queue")]
    [Authorize(Policy = RolePolicies.Moderator)]
    public static async Task<Answer<IReadOnlyList<QueueItem>>> Queue(IQuerySession session, CancellationToken ct) =>
        Answer.Of(await QueueAsync(session, ct));

    [EndpointSummary("Hide a contribution with a reason the author sees (moderators only).")]
    [WolverinePost("/api/moderation/content/{id}/hide")]
    [Authorize(Policy = RolePolicies.Moderator)]
    [Refuses(400, 404, 409)]
    public static Task<Answer<ContentModeration>> Hide(
        Guid id, Review command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        ReviewAsync(id, user, store, (m, mod) => DecideHide(m, command, mod, clock.GetUtcNow()), ct);

    [EndpointSummary("Show a contribution again, or settle its flags, with a reason the author sees (moderators only).")]
    [WolverinePost("/api/moderation/content/{id}/restore")]
    [Authorize(Policy = RolePolicies.Moderator)]
    [Refuses(400, 404, 409)]
    public static Task<Answer<ContentModeration>> Restore(
        Guid id, Review command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        ReviewAsync(id, user, store, (m, mod) => DecideRestore(m, command, mod, clock.GetUtcNow()), ct);

    public static async Task<Answer<ContentModeration>> ReviewAsync(
        Guid id, ClaimsPrincipal user, IDocumentStore store, Func<ContentModeration, MemberProfile, Decision> decide,
        CancellationToken ct)
    {
        var outcome = await ReviewOutcomeAsync(id, user, store, decide, ct);
        return outcome.Answer();
    }

    public static async Task<Outcome<ContentModeration>> ReviewOutcomeAsync(Guid id, ClaimsPrincipal user, IDocumentStore store, Func<ContentModeration, MemberProfile, Decision> decide, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var moderator = await Moderators.RequireAsync(query, user, ct);
        if (moderator.Problem is { } refused) return refused;
        var written = await EventStreams.DecideAsync<ContentModeration>(store, id, null, m => decide(m, moderator.Value!), "Deze bijdrage is nooit gemeld.", ct);
        if (written.Problem is { } problem) return problem;
        return (await query.LoadAsync<ContentModeration>(id, ct))!;
    }

    public static async Task<IReadOnlyList<QueueItem>> QueueAsync(IQuerySession session, CancellationToken ct)
    {
        var waiting = await session.Query<ContentModeration>()
            .Where(m => m.OpenFlags.Any() || m.HiddenAutomatically)
            .OrderByDescending(m => m.LastChangedAt).Take(100).ToListAsync(ct);
        var names = await MemberProfile.NamesAsync(session, waiting.SelectMany(m => m.OpenFlags.Select(f => f.By).Append(m.AuthorId)), ct);
        var items = new List<QueueItem>();
        foreach (var m in waiting)
        {
            var content = await FlagEndpoint.ResolveAsync(session, m.ContentType, m.ContentId, m.CommentBy, ct);
            items.Add(new QueueItem(m.Id, m.ContentType, ContentTypes.Names[m.ContentType], m.ContentId, m.QuestionId, Person.Of(m.AuthorId, names),
                content?.Text ?? "(niet meer te vinden)", m.Hidden, m.HiddenReason,
                m.OpenFlags.Select(f => new FlagView(Person.Of(f.By, names), f.Reason, f.At)).ToList(), m.LastChangedAt));
        }
        return items;
    }
}

/// <summary>A contribution was hidden or shown again: its author hears why.</summary>
public sealed record ModerationNews(Guid NewsId, Guid ModerationId, string Kind, string Reason, DateTimeOffset At)
{
    public static ModerationNews? From(IEvent e) => e.Data switch
    {
        ContentHidden h => new(e.Id, h.ModerationId, NotificationKinds.ContentHidden, h.Reason, h.HiddenAt),
        ContentRestored r => new(e.Id, r.ModerationId, NotificationKinds.ContentRestored, r.Reason, r.RestoredAt),
        _ => null,
    };
}

public static class ModerationNewsHandler
{
    public static async Task<IEnumerable<object>> Handle(ModerationNews news, IDocumentSession session, CancellationToken ct)
    {
        var moderation = await session.LoadAsync<ContentModeration>(news.ModerationId, ct);
        if (moderation is null || await session.LoadAsync<MemberProfile>(moderation.AuthorId, ct) is null) return [];
        var what = ContentTypes.Names[moderation.ContentType];
        var text = news.Kind == NotificationKinds.ContentHidden
            ? $"Je {what} is verborgen door de moderatie: {news.Reason}"
            : $"Je {what} is weer zichtbaar: {news.Reason}";
        return await session.StoreAndAnnounceAsync([new Notification(NotificationIds.For(news.NewsId, moderation.AuthorId), moderation.AuthorId, news.Kind, text,
            ContentTypes.LinkFor(moderation.ContentType, moderation.ContentId, moderation.QuestionId), news.At, null)], ct);
    }
}
