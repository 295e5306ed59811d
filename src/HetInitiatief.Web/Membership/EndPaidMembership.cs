using HetInitiatief.Members;
using HetInitiatief.Shared;

namespace HetInitiatief.Membership;

/// <summary>End a membership early, or correct a mistake. Without a last day it stops counting today.</summary>
public sealed record EndPaidMembership(DateOnly? LastDay);

public static class EndPaidMembershipEndpoint
{
    public static Decision Decide(PaidMembership membership, EndPaidMembership command, MemberProfile? admin, DateOnly today, DateTimeOffset now)
    {
        if (MayEnd(admin) is { } refused) return refused;
        var lastDay = command.LastDay ?? today.AddDays(-1);
        if (lastDay < membership.Until) return Decision.Accept(new PaidMembershipEnded(membership.Id, lastDay, admin!.Id, now));
        // "Stop it now" on a membership that already stopped changes nothing; a later day is not ending early.
        return command.LastDay is null
            ? Decision.Accept()
            : Problem.Invalid("lastDay", $"Eerder beëindigen kan alleen met een laatste dag vóór {membership.Until.ToString("d MMMM yyyy", Display.Dutch)}.");
    }

    /// <summary>Only an admin ends a membership; asked before the stream is read, and again by the decision.</summary>
    public static Problem? MayEnd(MemberProfile? admin) =>
        MembershipAdmin.MustBeAdmin(admin, "een lidmaatschap beëindigen");

    [EndpointSummary("End a paid membership early or correct it (admin only); without lastDay it no longer counts from today.")]
    [WolverinePost("/api/memberships/{id}/end")]
    [Refuses(400, 403, 404)]
    public static async Task<Answer<MembershipView>> Post(
        Guid id, EndPaidMembership command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var outcome = await EndAsync(id, command, user.MemberId(), store, clock.GetUtcNow(), ct);
        return outcome.Answer();
    }

    public static async Task<Outcome<MembershipView>> EndAsync(Guid id, EndPaidMembership command, Guid adminId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var admin = await query.LoadAsync<MemberProfile>(adminId, ct);
        // Refuse a non-admin before saying whether the membership exists.
        if (MayEnd(admin) is { } refused) return refused;
        var today = Tiers.Today(now);
        var outcome = await EventStreams.DecideAsync<PaidMembership>(store, id, null, m => Decide(m, command, admin, today, now), PaidMembership.NotFound, ct);
        if (outcome.Problem is { } problem) return problem;
        var ended = (await query.LoadAsync<PaidMembership>(id, ct))!;
        return (await MembershipView.ListAsync(query, [ended], today, ct))[0];
    }
}
