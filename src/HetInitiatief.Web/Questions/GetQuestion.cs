using System.Globalization;
using HetInitiatief.Catalogue;
using HetInitiatief.Members;

namespace HetInitiatief.Questions;

public sealed record Person(Guid Id, string Name)
{
    /// <summary>The member by name, or "oud-lid" when their profile is gone.</summary>
    public static Person Of(Guid id, IReadOnlyDictionary<Guid, string> names) => new(id, names.GetValueOrDefault(id, MemberProfile.FormerMember));
}

public sealed record ThemeView(string Code, string Name);

public sealed record FollowUpView(Guid Id, Person AskedBy, string Text, DateTimeOffset AskedAt, string? Answer, DateTimeOffset? AnsweredAt);

public sealed record FormulationView(int Version, string Title, string Context, DateTimeOffset At, IReadOnlyList<Guid> AnswersBefore);

/// <summary>A question as the API and the question page show it, with names instead of member ids.</summary>
public sealed record QuestionView(
    Guid Id, long Version, string Status, Person Owner, string Title, string Context, string WhyMine, string AlreadyKnown,
    IReadOnlyList<ThemeView> Themes, string Sector, string? Goal, DateTimeOffset PostedAt, DateTimeOffset LastActivityAt,
    IReadOnlyList<FollowUpView> FollowUps, IReadOnlyList<FormulationView> Versions, DateTimeOffset? AsOf, IReadOnlyList<LinkedQuestion> Linked,
    bool? GoalReached, IReadOnlyList<StoryView> Stories, IReadOnlyList<Endorsement>? Endorsements = null,
    IReadOnlyList<Moderation.ModerationNotice>? Moderation = null, LinkedQuestion? MergedInto = null,
    MergeProposalView? MergeProposal = null);

/// <summary>A moderator's proposal to merge this question into another, waiting for both owners.</summary>
public sealed record MergeProposalView(LinkedQuestion Into, Person IntoOwner, string Reason, IReadOnlyList<Guid> AgreedBy);

public sealed record StoryView(Guid Id, string Text, DateTimeOffset At);

public static class GetQuestionEndpoint
{
    /// <summary>The question now, or — with <c>at</c> — as it stood at that moment, replayed from its events.</summary>
    [EndpointSummary("One question with follow-ups, answers and every version; with at= (ISO 8601) as it stood then.")]
    [WolverineGet("/api/questions/{id}")]
    [Refuses(400, 404)]
    public static async Task<Answer<QuestionView>> Get(
        Guid id, string? at, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var outcome = await ReadAsync(id, at, session, ct);
        if (outcome.Problem is { } problem) return problem;
        return (await Moderation.HiddenContent.ForViewerAsync(session, outcome.Value!, [], user.MemberId(), ct)).View;
    }

    public static async Task<Outcome<QuestionView>> ReadAsync(Guid id, string? at, IQuerySession session, CancellationToken ct)
    {
        var moment = TimeTravel.Moment(at);
        if (moment.Problem is { } invalid) return invalid;
        var asOf = moment.Value;

        var details = asOf is { } when
            ? await session.Events.AggregateStreamAsync<QuestionDetails>(id, timestamp: when.ToUniversalTime(), token: ct)
            : await session.LoadAsync<QuestionDetails>(id, ct);
        if (details is null)
        {
            return asOf is not null && await session.LoadAsync<QuestionDetails>(id, ct) is not null
                ? Problem.NotFound("Op dat moment bestond deze vraag nog niet.")
                : Problem.NotFound(QuestionRules.NotFound);
        }

        var names = await MemberProfile.NamesAsync(session, [details.OwnerId, .. details.FollowUps.Select(f => f.AskedBy)], ct);
        var linked = await LinkQuestionEndpoint.LinkedAsync(session, id, details.Links ?? [], ct);
        Person PersonOf(Guid memberId) => Person.Of(memberId, names);

        return new QuestionView(
            details.Id, details.Version, details.Status, PersonOf(details.OwnerId), details.Title, details.Context, details.WhyMine,
            details.AlreadyKnown, details.Themes.Select(t => new ThemeView(t, Themes.Name(t))).ToList(), details.Sector, details.Goal,
            details.PostedAt, details.LastActivityAt,
            details.FollowUps.Select(f => new FollowUpView(f.Id, PersonOf(f.AskedBy), f.Text, f.AskedAt, f.Answer, f.AnsweredAt)).ToList(),
            details.Versions.Select(v => new FormulationView(v.Version, v.Title, v.Context, v.At, v.AnswersBefore)).ToList(),
            asOf, linked, details.GoalReached, (details.Stories ?? []).Select(s => new StoryView(s.Id, s.Text, s.At)).ToList(),
            await Endorsements.ViewAsync(session, details.Endorsements, ct),
            MergedInto: details.MergedInto is { } into && await session.LoadAsync<QuestionBoardItem>(into, ct) is { } target
                ? new LinkedQuestion(target.Id, target.Title, target.Status) : null,
            MergeProposal: details.Merge is { } merge
                           && await session.LoadAsync<QuestionBoardItem>(merge.IntoQuestionId, ct) is { } proposedInto
                ? new MergeProposalView(new LinkedQuestion(proposedInto.Id, proposedInto.Title, proposedInto.Status),
                    Person.Of(proposedInto.OwnerId, await MemberProfile.NamesAsync(session, [proposedInto.OwnerId], ct)),
                    merge.Reason, [.. merge.AgreedBy])
                : null);
    }
}

/// <summary>The <c>at=</c> of time travel: a moment (ISO 8601), or none for now; anything else a 400 naming <c>at</c>.</summary>
public static class TimeTravel
{
    public static Outcome<DateTimeOffset?> Moment(string? at)
    {
        if (string.IsNullOrWhiteSpace(at)) return (DateTimeOffset?)null;
        if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
            return Problem.Invalid("at", "Geef een moment als datum en tijd, bijvoorbeeld 2026-11-25T14:30:00Z.");
        return (DateTimeOffset?)moment;
    }
}
