using HetInitiatief.Members;

namespace HetInitiatief.Network;

/// <summary>How the network stands: founding seats, the joint start and its opening, and growth toward 500 members.</summary>
public sealed record NetworkView(
    int Seats, int SeatsTaken, int SeatsLeft, bool Started, DateTimeOffset? StartedAt, int Members, int NewThisWeek, int Goal,
    Guid? OpeningSessionId = null, IReadOnlyList<GrowthPoint>? Growth = null);

/// <summary>Members at the end of a week (Monday to Sunday), for the growth chart.</summary>
public sealed record GrowthPoint(DateOnly WeekStarting, int Members, int Joined);

public static class NetworkEndpoints
{
    public const int Goal = 500;

    public static Decision DecideJointStart(NetworkState network, MemberProfile? admin, DateTimeOffset now) =>
        admin?.Has(MemberRoles.Admin) != true ? Problem.Forbidden("Alleen een beheerder bepaalt de gezamenlijke start.")
        : network.Started ? Problem.Conflict("Het netwerk is al gezamenlijk gestart.")
        : Decision.Accept(new JointStartRecorded(network.Id, JointStartRecorded.AdminDecided, admin.Id, network.EarlyBirds.Count, now));

    [AllowAnonymous]
    [EndpointSummary("The network's founding seats, whether it started together, and its growth toward 500 members (public).")]
    [WolverineGet("/api/network")]
    public static async Task<Answer<NetworkView>> Get(
        IQuerySession session, NetworkSettings settings, TimeProvider clock, CancellationToken ct) =>
        await ReadAsync(session, settings, clock.GetUtcNow(), ct);

    [EndpointSummary("Record the joint start before the last seat is taken (admin only).")]
    [WolverinePost("/api/network/joint-start")]
    [Refuses(403, 409)]
    public static async Task<Answer<NetworkView>> JointStart(
        ClaimsPrincipal user, IDocumentStore store, NetworkSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var outcome = await DecideAsAdminAsync(store, settings, user, (network, admin) => DecideJointStart(network, admin, now), ct);
        if (outcome.Problem is { } problem) return problem;
        await using var query = store.QuerySession();
        return await ReadAsync(query, settings, now, ct);
    }

    /// <summary>A decision on the network's stream taken by the signed-in member, whose profile the decision checks for the admin role.</summary>
    public static async Task<Outcome<Written>> DecideAsAdminAsync(IDocumentStore store, NetworkSettings settings, ClaimsPrincipal user,
        Func<NetworkState, MemberProfile?, Decision> decide, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var admin = await query.LoadAsync<MemberProfile>(user.MemberId(), ct);
        return await EventStreams.DecideAsync<NetworkState>(store, settings.NetworkId, null, n => decide(n, admin), "Het netwerk is nog niet geopend.", ct);
    }

    public static async Task<NetworkView> ReadAsync(IQuerySession session, NetworkSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        // Members are those who confirmed their address: registrations alone, which anyone can script, do not count.
        // PostgreSQL counts those from before the chart's weeks; only the dates within them are read (every member's
        // date was read on each board view: ≈ 26 ms at 5,000 members, issue 16). One round trip for all three.
        var window = WindowStart(now, GrowthWeeks);
        var batch = session.CreateBatchQuery();
        var state = batch.Load<NetworkState>(settings.NetworkId);
        var earlier = batch.Query<MemberProfile>().Count(m => m.EmailConfirmedAt != null && m.EmailConfirmedAt < window);
        var recent = batch.Query<MemberProfile>().Where(m => m.EmailConfirmedAt != null && m.EmailConfirmedAt >= window)
            .Select(m => m.EmailConfirmedAt!.Value).ToList();
        await batch.Execute(ct);

        var network = await state ?? NetworkState.Empty(settings.NetworkId);
        var (before, joined) = ((int)await earlier, await recent);
        var weekAgo = now.AddDays(-7);
        var taken = network.EarlyBirds.Count;
        return new NetworkView(settings.EarlyBirdSeats, taken, network.Started ? 0 : Math.Max(0, settings.EarlyBirdSeats - taken),
            network.Started, network.StartedAt, before + joined.Count, joined.Count(r => r > weekAgo), Goal,
            network.OpeningSessionId, Growth(joined, now, GrowthWeeks, before));
    }

    /// <summary>How many weeks the page's growth chart shows.</summary>
    public const int GrowthWeeks = 12;

    /// <summary>The Monday (UTC) on which the first of the chart's weeks starts.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset now, int weeks)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return new DateTimeOffset(thisMonday.AddDays(-7 * (weeks - 1)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    /// <summary>
    /// The landing page's counter only: the seats and how many members confirmed their address, counted by PostgreSQL.
    /// Sent after every posted question and every confirmation, so it must not read every member's profile the way the
    /// page's growth chart does (issue 16: at 5,000 members that read held up every push behind it).
    /// </summary>
    public static async Task<NetworkSeats> SeatsAsync(
        IQuerySession session, NetworkSettings settings, string change, CancellationToken ct)
    {
        var network = await session.LoadAsync<NetworkState>(settings.NetworkId, ct) ?? NetworkState.Empty(settings.NetworkId);
        var members = await session.Query<MemberProfile>().CountAsync(m => m.EmailConfirmedAt != null, ct);
        var taken = network.EarlyBirds.Count;
        return new NetworkSeats(change, settings.EarlyBirdSeats, taken,
            network.Started ? 0 : Math.Max(0, settings.EarlyBirdSeats - taken), network.Started, members, Goal);
    }

    /// <summary>
    /// Members week by week over the last weeks, counting everyone who joined (confirmed) up to the end of each week:
    /// <paramref name="earlier"/> joined before the first week, <paramref name="registeredAt"/> holds the dates since.
    /// </summary>
    public static IReadOnlyList<GrowthPoint> Growth(
        IReadOnlyCollection<DateTimeOffset> registeredAt, DateTimeOffset now, int weeks, int earlier = 0)
    {
        var first = WindowStart(now, weeks);
        return Enumerable.Range(0, weeks).Select(week =>
        {
            var (begin, end) = (first.AddDays(7 * week), first.AddDays(7 * (week + 1)));
            return new GrowthPoint(DateOnly.FromDateTime(begin.UtcDateTime), earlier + registeredAt.Count(r => r < end),
                registeredAt.Count(r => r >= begin && r < end));
        }).ToList();
    }
}
