using HetInitiatief.Coalitions;
using HetInitiatief.Initiative;
using HetInitiatief.Members;
using HetInitiatief.Offers;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;

namespace HetInitiatief.Moderation;

/// <summary>A radar item with what moderators did with it.</summary>
public sealed record RadarItemView(
    Guid Id, string Key, string Kind, string KindName, string Title, string Why, DateTimeOffset Since, string Link, Guid? QuestionId,
    string? Theme, string? Sector, Person? TakenOnBy, IReadOnlyList<RadarActionView> Actions);

public sealed record RadarActionView(string Kind, Person By, string Detail, DateTimeOffset At);

public sealed record RadarPage(IReadOnlyList<RadarItemView> Items, IReadOnlyList<HeatCell> HeatMap, DateTimeOffset ComputedAt);

public static class RadarEndpoints
{
    [EndpointSummary("The unanswered-demand radar: what needs a nudge, why and since when, with the heat map of theme × sector (moderators only).")]
    [WolverineGet("/api/moderation/radar")]
    [Authorize(Policy = RolePolicies.Moderator)]
    public static async Task<Answer<RadarPage>> Get(
        IQuerySession session, RadarSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await ViewAsync(session, await ComputeAsync(session, settings, now, ct), now, ct);
    }

    /// <summary>The computed radar with what moderators did with each item; dismissed items are left out.</summary>
    public static async Task<RadarPage> ViewAsync(IQuerySession session, RadarView radar, DateTimeOffset now, CancellationToken ct)
    {
        var logs = (await session.LoadManyAsync<RadarItemLog>(ct, radar.Items.Select(i => i.Id))).ToDictionary(l => l.Id);
        var names = await MemberProfile.NamesAsync(session, logs.Values.SelectMany(l => l.Actions.Select(a => a.By)), ct);
        var items = radar.Items
            .Where(i => logs.GetValueOrDefault(i.Id)?.Dismissed != true)
            .Select(i =>
            {
                var log = logs.GetValueOrDefault(i.Id);
                return new RadarItemView(i.Id, i.Key, i.Kind, RadarKinds.Names[i.Kind], i.Title, i.Why, i.Since, i.Link, i.QuestionId, i.Theme, i.Sector,
                    log?.TakenOnBy is { } by ? Person.Of(by, names) : null,
                    (log?.Actions ?? []).Select(a => new RadarActionView(a.Kind, Person.Of(a.By, names), a.Detail, a.At)).ToList());
            }).ToList();
        return new RadarPage(items, radar.HeatMap, now);
    }

    /// <summary>
    /// The radar now: computed from the candidates <see cref="RadarReads"/> finds (hidden and merged questions are not
    /// demand), at most the setting's number of items of each kind besides the dismissed ones.
    /// </summary>
    public static async Task<RadarView> ComputeAsync(IQuerySession session, RadarSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        var facts = await RadarReads.FactsAsync(session, settings, now, ct);
        var radar = Radar.Compute(facts, settings, now);
        var dismissed = (await session.Query<RadarItemLog>().Where(l => l.DismissedBecause != null).Select(l => l.Id).ToListAsync(ct)).ToHashSet();
        return radar with { Items = RadarReads.Bounded(radar.Items, dismissed, settings.ItemsPerKind) };
    }
}
