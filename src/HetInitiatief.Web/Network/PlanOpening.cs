using HetInitiatief.Members;
using HetInitiatief.Sessions;

namespace HetInitiatief.Network;

public sealed record PlanOpening(Guid? SessionId);

/// <summary>The admin schedules the festive opening as an ordinary session, then names it here; every early bird hears of it.</summary>
public static class PlanOpeningEndpoint
{
    public static Decision Decide(NetworkState network, Session? opening, MemberProfile? admin, DateTimeOffset now) =>
        admin?.Has(MemberRoles.Admin) != true ? Problem.Forbidden("Alleen een beheerder plant de feestelijke opening.")
        : opening is null ? Problem.Invalid("sessionId", "Kies een bestaande bijeenkomst.")
        : !network.Started ? Problem.Conflict("De feestelijke opening volgt op de gezamenlijke start; die is er nog niet.")
        : opening.IsCalledOff || opening.EndsAt <= now ? Problem.Invalid("sessionId", "Kies een bijeenkomst die nog komt en doorgaat.")
        : network.OpeningSessionId == opening.Id ? Decision.Accept()
        : Decision.Accept(new OpeningSessionPlanned(network.Id, opening.Id, admin.Id, now));

    [EndpointSummary("Name the session that is the network's festive opening, after the joint start (admin only).")]
    [WolverinePost("/api/network/opening")]
    [Refuses(400, 403, 409)]
    public static async Task<Answer<NetworkView>> Post(
        PlanOpening command, ClaimsPrincipal user, IDocumentStore store, NetworkSettings settings, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var outcome = await PlanAsync(command, user, store, settings, now, ct);
        if (outcome.Problem is { } problem) return problem;
        await using var query = store.QuerySession();
        return await NetworkEndpoints.ReadAsync(query, settings, now, ct);
    }

    public static async Task<Outcome<Written>> PlanAsync(PlanOpening command, ClaimsPrincipal user, IDocumentStore store, NetworkSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var opening = command.SessionId is { } id ? await query.LoadAsync<Session>(id, ct) : null;
        return await NetworkEndpoints.DecideAsAdminAsync(store, settings, user, (network, admin) => Decide(network, opening, admin, now), ct);
    }
}
