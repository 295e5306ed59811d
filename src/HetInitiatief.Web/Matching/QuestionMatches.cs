using HetInitiatief.Catalogue;
using HetInitiatief.Members;
using HetInitiatief.Moderation;
using HetInitiatief.Questions;

namespace HetInitiatief.Matching;

/// <summary>A colleague who knows about the question's themes, as its owner sees them. <c>Asked</c>: the platform asked them.</summary>
public sealed record Colleague(Guid MemberId, string Name, string Why, bool Asked);

/// <summary>One match made for the question: who, why, by the platform or a moderator, and whether they were told.</summary>
public sealed record MatchView(
    Guid MemberId, string Name, string Reason, string Why, bool ByPlatform, bool Notified, DateTimeOffset At);

public sealed record QuestionMatches(IReadOnlyList<Colleague> Colleagues, IReadOnlyList<MatchView> Matches);

public static class QuestionMatchesEndpoint
{
    public const string Refusal = "Alleen wie de vraag stelde en de moderatoren zien wie erbij gehaald is.";

    public static string Why(string reason, IReadOnlyList<string> themes)
    {
        var names = themes.Count == 0 ? "dit thema" : string.Join(" en ", themes.Select(Themes.Name));
        return reason switch
        {
            MatchReasons.ProvidesTheme => $"aanbieder voor {names}",
            MatchReasons.OffersTheme => $"biedt {names} aan op het profiel",
            MatchReasons.SimilarQuestion => "stelde een vraag die hierop lijkt",
            MatchReasons.FollowsTheme => "volgt dit thema",
            MatchReasons.Nudged => "gevraagd door een moderator",
            _ => reason,
        };
    }

    [EndpointSummary("Colleagues who know about this question's themes, and every match the platform or a moderator "
        + "made for it (owner and moderators only).")]
    [WolverineGet("/api/questions/{id}/matches")]
    [Refuses(403, 404)]
    public static async Task<Answer<QuestionMatches>> Get(
        Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var outcome = await ReadAsync(id, user.MemberId(), session, ct);
        return outcome.Answer();
    }

    /// <summary>
    /// As the viewer may see it: a member who hides what they offer is not shown to the owner, also not as a match
    /// (they may still have been asked, privately); moderators see every match.
    /// </summary>
    public static async Task<Outcome<QuestionMatches>> ReadAsync(
        Guid questionId, Guid viewerId, IQuerySession session, CancellationToken ct)
    {
        var question = await session.LoadAsync<QuestionDetails>(questionId, ct);
        if (question is null) return Problem.NotFound(QuestionRules.NotFound);
        var viewer = await session.LoadAsync<MemberProfile>(viewerId, ct);
        var moderator = Moderators.Are(viewer);
        if (question.OwnerId != viewerId && !moderator) return Problem.Forbidden(Refusal);

        var matches = await session.Query<Match>().Where(m => m.QuestionId == questionId).OrderBy(m => m.At)
            .ToListAsync(ct);
        var experts = await Expertise.ForThemesAsync(session, question.Themes, question.OwnerId, ct);
        var colleagues = experts.Where(e => moderator || Expertise.ShownTo(e, viewer))
            .Select(e => new Colleague(e.Member.Id, e.Member.Name, Why(e.Reason, e.Themes),
                matches.Any(m => m.MemberId == e.Member.Id && m.Notified)))
            .ToList();

        var profiles = (await session.LoadManyAsync<MemberProfile>(ct, matches.Select(m => m.MemberId).Distinct()))
            .ToDictionary(p => p.Id);
        var shown = matches.Where(m => profiles.ContainsKey(m.MemberId))
            .Where(m => moderator || m.Reason != MatchReasons.OffersTheme || profiles[m.MemberId].Shows("offering", viewer))
            .Select(m => new MatchView(m.MemberId, profiles[m.MemberId].Name, m.Reason,
                Why(m.Reason, Expertise.Of(profiles[m.MemberId], question.Themes)?.Themes ?? []),
                m.ByPlatform, m.Notified, m.At))
            .ToList();
        return new QuestionMatches(colleagues, shown);
    }
}
