using HetInitiatief.Coalitions;
using HetInitiatief.Members;
using HetInitiatief.Questions;

namespace HetInitiatief.Initiative;

public sealed record ApproachView(int Version, Person By, string What, string ForWhom, string Goal,
    DateOnly? TargetDate, DateTimeOffset At);

public sealed record RevisionView(Guid Id, int BasedOnVersion, Person By, string What, string ForWhom, string Goal,
    DateOnly? TargetDate, DateTimeOffset At, bool Adopted);

public sealed record ExperienceView(Guid Id, Person By, string Evidence, string EvidenceName, string Text,
    DateTimeOffset At, IReadOnlyList<ExperienceFileView> Files);

public sealed record ExperienceFileView(Guid Id, string FileName, string ContentType, long Size, string Url);

public sealed record ReviewView(Person By, string WentWell, string NextTime, DateTimeOffset At);

public sealed record TrialView(Guid Id, int Round, Person AgreedBy, string What, DateOnly Until, string WatchFor,
    DateTimeOffset AgreedAt, IReadOnlyList<ExperienceView> Experiences, ReviewView? Review);

public sealed record CriteriaView(string Text, Person ProposedBy, DateTimeOffset ProposedAt,
    IReadOnlyList<Person> Supporters, int Partners, DateTimeOffset? AgreedAt);

public sealed record CompletionView(Person By, string Celebration, DateTimeOffset At);

public sealed record UpdateView(Guid Id, Person By, string Text, DateTimeOffset At);

/// <summary>
/// The initiative's life in one view: its phase and next step, the approach with its versions and proposed
/// revisions, every trial with experiences and review, the completion criteria and who agreed, completion, updates.
/// </summary>
public sealed record TimelineView(
    Guid CoalitionId, Guid QuestionId, string Phase, string PhaseName, string NextStep, int OfferRound,
    DateTimeOffset FormedAt, DateTimeOffset? LargeEnoughAt, ApproachView? Approach,
    IReadOnlyList<ApproachView> ApproachVersions, IReadOnlyList<RevisionView> Revisions,
    IReadOnlyList<TrialView> Trials, CriteriaView? Criteria, CompletionView? Completed,
    IReadOnlyList<UpdateView> Updates, DateTimeOffset? AsOf);

public static class GetTimelineEndpoint
{
    [EndpointSummary("The initiative's life after forming: phase, next step, approach, trials with experiences and "
        + "reviews, completion criteria, completion and updates; with at= (ISO 8601) as it stood then.")]
    [WolverineGet("/api/coalitions/{id}/timeline")]
    [Refuses(400, 404)]
    public static async Task<Answer<TimelineView>> Get(
        Guid id, string? at, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var moment = TimeTravel.Moment(at);
        if (moment.Problem is { } invalid) return invalid;
        var view = await ReadAsync(id, session, clock.GetUtcNow(), ct, moment.Value);
        return view is null
            ? Problem.NotFound(at is null ? CoalitionRules.NotFound : "Op dat moment bestond deze coalitie nog niet.")
            : view;
    }

    /// <param name="asOf">
    /// A moment in the past: the coalition and its story replayed from its events up to then.
    /// </param>
    public static async Task<TimelineView?> ReadAsync(
        Guid coalitionId, IQuerySession session, DateTimeOffset now, CancellationToken ct, DateTimeOffset? asOf = null)
    {
        var (details, timeline) = asOf is { } when
            ? (await session.Events.AggregateStreamAsync<CoalitionDetails>(
                    coalitionId, timestamp: when.ToUniversalTime(), token: ct),
                await session.Events.AggregateStreamAsync<InitiativeTimeline>(
                    coalitionId, timestamp: when.ToUniversalTime(), token: ct))
            : (await session.LoadAsync<CoalitionDetails>(coalitionId, ct),
                await session.LoadAsync<InitiativeTimeline>(coalitionId, ct));
        if (details is null) return null;
        // A coalition formed before the timeline existed has no stored one yet: replay it from its events.
        timeline ??= await session.Events.AggregateStreamAsync<InitiativeTimeline>(coalitionId, token: ct);
        if (timeline is null) return null;
        var names = await MemberProfile.NamesAsync(session, PeopleIn(timeline), ct);
        return ToView(details, timeline, names, InitiativeRules.Today(asOf ?? now), asOf);
    }

    public static TimelineView ToView(
        CoalitionDetails details, InitiativeTimeline t, IReadOnlyDictionary<Guid, string> names, DateOnly today,
        DateTimeOffset? asOf)
    {
        Person P(Guid id) => Person.Of(id, names);
        ApproachView Approach(InitiativeTimeline.Approach a) =>
            new(a.Version, P(a.By), a.What, a.ForWhom, a.Goal, a.TargetDate, a.At);
        var phase = details.PhaseOn(today);
        return new TimelineView(
            t.Id, t.QuestionId, phase, Phases.Names[phase], Phases.NextStep(phase, details.Progress),
            details.Progress.OfferRound,
            details.FormedAt, details.ThresholdReachedAt, t.CurrentApproach is { } current ? Approach(current) : null,
            t.Approaches.Select(Approach).ToList(),
            t.Revisions.Select(r => new RevisionView(r.Id, r.BasedOnVersion, P(r.By), r.What, r.ForWhom, r.Goal,
                r.TargetDate, r.At, r.Adopted)).ToList(),
            t.Trials.Select(trial => new TrialView(trial.Id, trial.Round, P(trial.AgreedBy), trial.What, trial.Until,
                trial.WatchFor, trial.AgreedAt,
                trial.Experiences.Select(e => new ExperienceView(e.Id, P(e.By), e.Evidence,
                    Evidence.Kinds.GetValueOrDefault(e.Evidence, e.Evidence), e.Text, e.At,
                    (e.Files ?? []).Select(f => new ExperienceFileView(f.Id, f.FileName, f.ContentType, f.Size,
                        ExperienceFilesEndpoint.Url(t.Id, e.Id, f.Id))).ToList())).ToList(),
                trial.Reviewed is { } r ? new ReviewView(P(r.By), r.WentWell, r.NextTime, r.At) : null)).ToList(),
            t.Criteria is { } c
                ? new CriteriaView(c.Text, P(c.ProposedBy), c.ProposedAt, c.Supporters.Select(P).ToList(),
                    details.Partners, c.AgreedAt)
                : null,
            t.Completed is { } done ? new CompletionView(P(done.By), done.Celebration, done.At) : null,
            t.Updates.Select(u => new UpdateView(u.Id, P(u.By), u.Text, u.At)).ToList(),
            asOf);
    }

    private static IEnumerable<Guid> PeopleIn(InitiativeTimeline t) =>
        t.Approaches.Select(a => a.By)
            .Concat(t.Revisions.Select(r => r.By))
            .Concat(t.Trials.SelectMany(trial => trial.Experiences.Select(e => e.By).Append(trial.AgreedBy)
                .Concat(trial.Reviewed is { } r ? [r.By] : [])))
            .Concat(t.Criteria is { } c ? c.Supporters.Append(c.ProposedBy) : [])
            .Concat(t.Completed is { } done ? [done.By] : [])
            .Concat(t.Updates.Select(u => u.By));
}
