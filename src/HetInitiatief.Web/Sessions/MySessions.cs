using HetInitiatief.Members;

namespace HetInitiatief.Sessions;

public static class MySessionsEndpoint
{
    [EndpointSummary("The sessions I signed up for, wait for, or host; soonest first.")]
    [WolverineGet("/api/me/sessions")]
    public static async Task<Answer<IReadOnlyList<SessionView>>> Get(
        ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        Answer.Of(await ReadAsync(user.MemberId(), session, ct));

    public static async Task<IReadOnlyList<SessionView>> ReadAsync(Guid memberId, IQuerySession session, CancellationToken ct)
    {
        var mine = await session.Query<Session>()
            .Where(s => s.HostId == memberId || s.Participants.Contains(memberId) || s.Waitlist.Contains(memberId))
            .OrderBy(s => s.StartsAt).Take(100).ToListAsync(ct);
        var names = await MemberProfile.NamesAsync(session, mine.Select(s => s.HostId), ct);
        return mine.Select(s => GetSessionEndpoints.ToView(s, memberId, names)).ToList();
    }
}
