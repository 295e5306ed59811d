using HetInitiatief.Members;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;

namespace HetInitiatief.Membership;

/// <summary>
/// A member's professional development portfolio: the sessions the host recorded them as attending, with
/// hours, the feedback they gave, the goals reached on their own questions, and in the kennisbank what they made
/// (alone or as co-author) and what they used.
/// </summary>
public sealed record Portfolio(
    Person Member, string School, DateTimeOffset CreatedAt, IReadOnlyList<Portfolio.AttendedSession> Sessions, double TotalHours,
    IReadOnlyList<Portfolio.FeedbackGiven> Feedback, IReadOnlyList<Portfolio.GoalReached> Goals,
    IReadOnlyList<Portfolio.ProductMade>? Made = null, IReadOnlyList<Portfolio.ProductUsed>? Used = null)
{
    public sealed record ProductMade(Guid ProductId, string Title, string KindName, bool CoAuthor, DateTimeOffset PublishedAt);

    public sealed record ProductUsed(Guid ProductId, string Title, string KindName, DateTimeOffset UsedAt, string Note);

    public sealed record AttendedSession(Guid SessionId, DateTimeOffset StartsAt, string Title, string Type, string TypeName, double Hours);

    public sealed record FeedbackGiven(Guid SessionId, string SessionTitle, DateTimeOffset GivenAt, int Rating, string ChangeInPractice);

    public sealed record GoalReached(Guid QuestionId, string QuestionTitle, string Goal);
}

public static class PortfolioEndpoints
{
    /// <summary>Only attendance the host recorded counts: signing up is an intention, not professional development.</summary>
    public static Portfolio Build(MemberProfile member, IEnumerable<Session> sessions, IEnumerable<QuestionDetails> questions, DateTimeOffset now,
        IEnumerable<Kennisbank.ProductDetails>? products = null)
    {
        var kennisbank = (products ?? []).OrderBy(p => p.PublishedAt).ToList();
        var made = kennisbank.Where(p => p.Authors.Contains(member.Id))
            .Select(p => new Portfolio.ProductMade(p.Id, p.Title, Kennisbank.ProductRules.KindName(p.Kind), p.CreatorId != member.Id, p.PublishedAt))
            .ToList();
        var used = kennisbank.SelectMany(p => p.Uses.Where(u => u.MemberId == member.Id)
                .Select(u => new Portfolio.ProductUsed(p.Id, p.Title, Kennisbank.ProductRules.KindName(p.Kind), u.At, u.Note)))
            .OrderBy(u => u.UsedAt).ToList();
        var attended = sessions.Where(s => s.Attended?.Contains(member.Id) == true).OrderBy(s => s.StartsAt).ThenBy(s => s.Title, StringComparer.Ordinal).ToList();
        var rows = attended
            .Select(s => new Portfolio.AttendedSession(s.Id, s.StartsAt, s.Title, s.Type, SessionKinds.Types.GetValueOrDefault(s.Type, s.Type), (s.EndsAt - s.StartsAt).TotalHours))
            .ToList();
        var feedback = attended
            .SelectMany(s => (s.Feedbacks ?? []).Where(f => f.MemberId == member.Id).Select(f => new Portfolio.FeedbackGiven(s.Id, s.Title, f.GivenAt, f.Rating, f.ChangeInPractice)))
            .ToList();
        var goals = questions
            .Where(q => q.OwnerId == member.Id && q.GoalReached == true && !string.IsNullOrWhiteSpace(q.Goal))
            .OrderBy(q => q.GoalSetAt)
            .Select(q => new Portfolio.GoalReached(q.Id, q.Title, q.Goal!))
            .ToList();
        return new Portfolio(new Person(member.Id, member.Name), member.School, now, rows, rows.Sum(r => r.Hours), feedback, goals, made, used);
    }

    /// <summary>The caller's portfolio, or 403 when their tier does not include it.</summary>
    public static async Task<Outcome<Portfolio>> ReadAsync(Guid memberId, IQuerySession session, TierSettings tiers, DateTimeOffset now, CancellationToken ct)
    {
        var member = await session.LoadAsync<MemberProfile>(memberId, ct);
        if (member is null) return Problem.NotFound("Dit account bestaat niet meer.");
        if (!(await Tiers.LoadAsync(session, member, now, tiers, ct)).Includes(Entitlements.Portfolio)) return Problem.Forbidden(Entitlements.PortfolioRefused);
        var sessions = await session.Query<Session>().Where(s => s.Attended!.Contains(memberId)).ToListAsync(ct);
        var questions = await session.Query<QuestionDetails>().Where(q => q.OwnerId == memberId && q.GoalReached == true).ToListAsync(ct);
        var products = await session.Query<Kennisbank.ProductDetails>()
            .Where(p => p.Authors.Contains(memberId) || p.Uses.Any(u => u.MemberId == memberId)).ToListAsync(ct);
        return Build(member, sessions, questions, now, products);
    }

    [EndpointSummary("My professional development portfolio: sessions attended with hours, feedback given, goals reached, kennisbank products made and used. Needs the portfolio entitlement.")]
    [WolverineGet("/api/me/portfolio")]
    [Refuses(403)]
    public static async Task<Answer<Portfolio>> Get(
        ClaimsPrincipal user, IQuerySession session, TierSettings tiers, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await ReadAsync(user.MemberId(), session, tiers, clock.GetUtcNow(), ct);
        return outcome.Answer();
    }

    [EndpointSummary("My portfolio as CSV for Dutch Excel: UTF-8 with BOM, semicolon-separated.")]
    [FileFormat("text/csv")]
    [WolverineGet("/api/me/portfolio.csv")]
    [Refuses(403)]
    public static Task<Download> Csv(
        ClaimsPrincipal user, IQuerySession session, TierSettings tiers, TimeProvider clock, CancellationToken ct) =>
        RenderAsync(user, session, tiers, clock, PortfolioCsv.Write, "text/csv; charset=utf-8", "csv", ct);

    [EndpointSummary("My portfolio as a PDF document.")]
    [FileFormat("application/pdf")]
    [WolverineGet("/api/me/portfolio.pdf")]
    [Refuses(403)]
    public static Task<Download> Pdf(
        ClaimsPrincipal user, IQuerySession session, TierSettings tiers, TimeProvider clock, CancellationToken ct) =>
        RenderAsync(user, session, tiers, clock, PortfolioPdf.Render, "application/pdf", "pdf", ct);

    /// <summary>Both downloads: the same portfolio and refusal, written in another format.</summary>
    private static async Task<Download> RenderAsync(ClaimsPrincipal user, IQuerySession session, TierSettings tiers,
        TimeProvider clock, Func<Portfolio, byte[]> render, string contentType, string extension, CancellationToken ct)
    {
        var outcome = await ReadAsync(user.MemberId(), session, tiers, clock.GetUtcNow(), ct);
        if (outcome.Problem is { } problem) return problem;
        var portfolio = outcome.Value!;
        return Download.File(render(portfolio), contentType,
            $"portfolio-het-initiatief-{Tiers.Today(portfolio.CreatedAt):yyyy-MM-dd}.{extension}");
    }
}
