using HetInitiatief.Coalitions;
using HetInitiatief.Offers;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;

namespace HetInitiatief.Members;

/// <summary>A link to something a member did, for the two columns of their profile.</summary>
public sealed record ActivityItem(string Title, string Link, DateTimeOffset At);

/// <summary>What a member asked and joined beside what they offered and hosted: asking and offering side by side.</summary>
public sealed record MemberActivity(
    IReadOnlyList<ActivityItem> Asked, IReadOnlyList<ActivityItem> Joined, IReadOnlyList<ActivityItem> Offered, IReadOnlyList<ActivityItem> Hosted);

/// <summary>A member's profile as the viewer may see it: parts the member hides from this viewer are left out (null).</summary>
public sealed record MemberView(
    Guid Id, string Name, string Sector, int? EarlyBirdSeat, IReadOnlyList<string> Roles, IReadOnlyList<string> OfferedThemes, string? Offering,
    string? School, IReadOnlyList<string>? Subjects, IReadOnlyList<string>? LearningPreferences, string? About, MemberActivity? Activity);

public static class MemberPageEndpoint
{
    public const int PerColumn = 20;

    [EndpointSummary("A member's profile and what they asked, joined, offered and hosted, as far as they show it to me.")]
    [WolverineGet("/api/members/{id}")]
    [Refuses(404)]
    public static async Task<Answer<MemberView>> Get(
        Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        await ReadAsync(id, user.MemberId(), session, ct) is { } view ? view : Problem.NotFound("Dit lid bestaat niet (meer).");

    public static async Task<MemberView?> ReadAsync(Guid id, Guid viewerId, IQuerySession session, CancellationToken ct)
    {
        var profiles = await session.LoadManyAsync<MemberProfile>(ct, id, viewerId);
        var member = profiles.FirstOrDefault(p => p.Id == id);
        if (member is null) return null;
        var viewer = profiles.FirstOrDefault(p => p.Id == viewerId);
        bool Shows(string part) => member.Shows(part, viewer);
        return new MemberView(member.Id, member.Name, member.Sector, member.EarlyBirdSeat, member.Roles ?? [],
            Shows("offering") ? member.OfferedThemes ?? [] : [], Shows("offering") ? member.Offering : null,
            Shows("school") ? member.School : null,
            Shows("subjects") ? member.Subjects ?? [] : null,
            Shows("learning") ? member.LearningPreferences ?? [] : null,
            Shows("about") ? member.About : null,
            Shows("activity") ? await ActivityAsync(id, session, ct) : null);
    }

    public static async Task<MemberActivity> ActivityAsync(Guid memberId, IQuerySession session, CancellationToken ct)
    {
        var asked = await session.Query<QuestionBoardItem>()
            .Where(q => q.OwnerId == memberId && q.Status == QuestionStatus.Open)
            .OrderByDescending(q => q.PostedAt).Take(PerColumn).ToListAsync(ct);
        var coalitions = await session.Query<CoalitionDetails>()
            .Where(c => c.Members.Any(m => m.MemberId == memberId) && c.InitiatorId != memberId)
            .Take(PerColumn).ToListAsync(ct);
        var sessions = await session.Query<Session>()
            .Where(s => s.HostId == memberId || s.Participants.Contains(memberId))
            .OrderByDescending(s => s.StartsAt).Take(2 * PerColumn).ToListAsync(ct);
        var proposals = await session.Query<Proposal>()
            .Where(p => p.ProposedBy == memberId)
            .OrderByDescending(p => p.MadeAt).Take(PerColumn).ToListAsync(ct);
        var titles = (await session.LoadManyAsync<QuestionBoardItem>(ct, coalitions.Select(c => c.QuestionId).Distinct()))
            .ToDictionary(q => q.Id, q => q.Title);

        return new MemberActivity(
            asked.Select(q => new ActivityItem(q.Title, $"/vragen/{q.Id}", q.PostedAt)).ToList(),
            [
                .. coalitions.Where(c => titles.ContainsKey(c.QuestionId))
                    .Select(c => new ActivityItem($"Coalitie: {titles[c.QuestionId]}", $"/vragen/{c.QuestionId}#coalitie",
                        c.Members.First(m => m.MemberId == memberId).JoinedAt)),
                .. sessions.Where(s => s.HostId != memberId && !s.IsCalledOff)
                    .Select(s => new ActivityItem($"Bijeenkomst: {s.Title}", $"/bijeenkomsten/{s.Id}", s.StartsAt)),
            ],
            proposals.Select(p => new ActivityItem($"Voorstel: {p.Title}", $"/vragen/{p.QuestionId}#aanbod", p.MadeAt)).ToList(),
            sessions.Where(s => s.HostId == memberId).Select(s => new ActivityItem(s.Title, $"/bijeenkomsten/{s.Id}", s.StartsAt)).ToList());
    }
}
