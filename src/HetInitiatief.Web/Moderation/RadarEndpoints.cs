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

    /// <summary>The facts the radar needs, read from the read models; hidden and merged questions are not demand.</summary>
    public static async Task<RadarView> ComputeAsync(IQuerySession session, RadarSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        var hidden = await HiddenContent.HiddenQuestionIdsAsync(session, ct);
        var questions = (await session.Query<QuestionDetails>().Where(q => q.Status == QuestionStatus.Open).ToListAsync(ct))
            .Where(q => !hidden.Contains(q.Id)).ToList();
        var coalitions = await session.Query<CoalitionDetails>().Where(c => c.Status == CoalitionStatus.Open).ToListAsync(ct);
        var completed = (await session.Query<InitiativeTimeline>().Where(t => t.Completed != null).ToListAsync(ct))
            .Select(t => new CompletedInitiative(t.Id, t.QuestionId, t.Completed!.At)).ToList();
        var proposals = await session.Query<Proposal>().ToListAsync(ct);
        var since = now - settings.SupplyWindow;
        var sessions = await session.Query<Session>().Where(s => s.StartsAt >= since).ToListAsync(ct);
        var proposalQuestions = (await session.LoadManyAsync<QuestionBoardItem>(ct, proposals.Select(p => p.QuestionId).Distinct()))
            .ToDictionary(q => q.Id);
        var supply = proposals
            .Where(p => proposalQuestions.ContainsKey(p.QuestionId))
            .Select(p => new SupplyFact(proposalQuestions[p.QuestionId].Themes, proposalQuestions[p.QuestionId].Sector, p.MadeAt, p.CoalitionId))
            .Concat(sessions.Where(s => !s.IsCalledOff).Select(s => new SupplyFact([s.Theme], s.Sector, s.StartsAt, s.CoalitionId)))
            .ToList();
        return Radar.Compute(new RadarFacts(questions, coalitions, supply, completed), settings, now);
    }
}
