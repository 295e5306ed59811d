using HetInitiatief.Members;
using HetInitiatief.Questions;
using Marten.Events;

namespace HetInitiatief.Moderation;

/// <summary>One moderator action: who, what, when, why.</summary>
public sealed record ModerationAction(Person? By, string What, string Why, string Link, DateTimeOffset At);

/// <summary>
/// The audit log is read straight from the event store, where events are only ever appended: there is
/// no endpoint that changes or removes one, so the log cannot be edited.
/// </summary>
public static class ModerationAuditEndpoint
{
    public const int Shown = 300;

    [EndpointSummary("Every moderator action — nudges, take-ons, dismissals, hiding, restoring, merging — newest first (moderators only).")]
    [WolverineGet("/api/moderation/audit")]
    [Authorize(Policy = RolePolicies.Moderator)]
    public static async Task<Answer<IReadOnlyList<ModerationAction>>> Get(IQuerySession session, CancellationToken ct) =>
        Answer.Of(await ReadAsync(session, ct));

    public static async Task<IReadOnlyList<ModerationAction>> ReadAsync(IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypesAre(typeof(RadarItemNudged), typeof(RadarItemTakenOn), typeof(RadarItemDismissed),
                typeof(ContentHidden), typeof(ContentRestored), typeof(QuestionMergedInto), typeof(MergeProposed)))
            .OrderByDescending(e => e.Sequence).Take(Shown).ToListAsync(ct);
        var moderations = (await session.LoadManyAsync<ContentModeration>(ct, events.Select(e => e.Data).OfType<ContentHidden>().Select(h => h.ModerationId)
            .Concat(events.Select(e => e.Data).OfType<ContentRestored>().Select(r => r.ModerationId)).Distinct())).ToDictionary(m => m.Id);
        var names = await MemberProfile.NamesAsync(session, events.Select(e => e.Data switch
        {
            RadarItemNudged n => n.NudgedBy, RadarItemTakenOn t => t.TakenOnBy, RadarItemDismissed d => d.DismissedBy,
            ContentHidden h => h.HiddenBy ?? Guid.Empty, ContentRestored r => r.RestoredBy, QuestionMergedInto m => m.MergedBy, MergeProposed p => p.ProposedBy,
            _ => Guid.Empty,
        }).Where(id => id != Guid.Empty), ct);
        Person By(Guid id) => Person.Of(id, names);
        string Where(Guid moderationId) => moderations.GetValueOrDefault(moderationId) is { } m ? $"/vragen/{m.QuestionId}" : "";
        string What(Guid moderationId) => moderations.GetValueOrDefault(moderationId) is { } m ? ContentTypes.Names[m.ContentType] : "bijdrage";

        return events.Select(e => e.Data switch
        {
            RadarItemNudged n => new ModerationAction(By(n.NudgedBy), $"porde {n.Recipients.Count} {(n.Recipients.Count == 1 ? "lid" : "leden")} ({Nudges.AudienceNames.GetValueOrDefault(n.Audience, n.Audience)}) over \"{n.Title}\"", n.Message ?? "", n.Link, n.NudgedAt),
            RadarItemTakenOn t => new ModerationAction(By(t.TakenOnBy), $"pakte {t.Key} op", "", "", t.TakenOnAt),
            RadarItemDismissed d => new ModerationAction(By(d.DismissedBy), $"legde {d.Key} weg", d.Reason, "", d.DismissedAt),
            ContentHidden h => new ModerationAction(h.HiddenBy is { } by ? By(by) : null, $"verborg een {What(h.ModerationId)}{(h.HiddenBy is null ? " (automatisch)" : "")}", h.Reason, Where(h.ModerationId), h.HiddenAt),
            ContentRestored r => new ModerationAction(By(r.RestoredBy), $"toonde een {What(r.ModerationId)} weer", r.Reason, Where(r.ModerationId), r.RestoredAt),
            QuestionMergedInto m => new ModerationAction(By(m.MergedBy),
                m.ByAgreement ? "voegde een dubbele vraag samen, met instemming van de eigenaren"
                    : "voegde een vraag samen wegens misbruik, zonder instemming van de eigenaren",
                m.Reason, $"/vragen/{m.IntoQuestionId}", m.MergedAt),
            MergeProposed p => new ModerationAction(By(p.ProposedBy), "stelde voor een dubbele vraag samen te voegen",
                p.Reason, $"/vragen/{p.QuestionId}", p.ProposedAt),
            _ => throw new InvalidOperationException($"Unexpected event {e.EventTypeName}"),
        }).ToList();
    }
}
