using HetInitiatief.Coalitions;

namespace HetInitiatief.Sessions;

/// <summary>Where a member stands: a seat, or a place in line.</summary>
public sealed record SignUpStatus(Guid SessionId, string Status, int? WaitlistPosition, long Version, bool Changed);

public static class SignUpEndpoints
{
    public const string SignedUp = "signedUp";
    public const string Waiting = "waitlisted";
    public const string None = "none";

    public const string HostSignsUp =
        "Je organiseert deze bijeenkomst zelf: je hoeft je niet aan te melden, de plekken zijn voor de deelnemers.";

    /// <summary>
    /// Whether signing up takes the paid <c>providerSessions</c> entitlement: only for a provider-led session, and never
    /// for a member of the coalition it was made for — the session exists because they asked for it, so its own
    /// members are never locked out of it. The entitlement gates open supply, not co-creation.
    /// </summary>
    public static bool NeedsEntitlement(Session session, bool isCoalitionMember) =>
        session.ProviderLed && !isCoalitionMember;

    /// <summary>A seat while there is one, otherwise a place at the end of the line. Never beyond capacity, never the host.</summary>
    /// <param name="mayJoinProviderSessions">The member's tier has the <c>providerSessions</c> entitlement; only looked up for provider-led sessions.</param>
    public static Decision DecideSignUp(Session session, bool isCoalitionMember, Guid memberId, DateTimeOffset now, bool mayJoinProviderSessions = true)
    {
        if (Session.MustTakeSignUps(session, now) is { } closed) return closed;
        // The host runs the session; a seat of theirs would be one less for a colleague and would count towards the minimum.
        if (session.HostId == memberId) return Problem.Conflict(HostSignsUp);
        if (session.Participants.Contains(memberId) || session.Waitlist.Contains(memberId)) return Decision.Accept();
        if (NeedsEntitlement(session, isCoalitionMember) && !mayJoinProviderSessions) return Problem.Forbidden(Membership.Entitlements.ProviderSessionsRefused);
        if (session.PriorityUntil > now && !isCoalitionMember)
            return Problem.Forbidden($"Tot {Shared.Display.Moment(session.PriorityUntil.Value)} kunnen alleen leden van de coalitie zich aanmelden.");
        return session.Participants.Count < session.Capacity
            ? Decision.Accept(new MemberSignedUp(session.Id, memberId, now))
            : Decision.Accept(new MemberWaitlisted(session.Id, memberId, now));
    }

    /// <summary>Cancelling frees the seat for the first in line, in the same transaction.</summary>
    public static Decision DecideCancel(Session session, Guid memberId, DateTimeOffset now)
    {
        if (session.Waitlist.Contains(memberId)) return Decision.Accept(new SignUpCancelled(session.Id, memberId, true, now));
        if (!session.Participants.Contains(memberId)) return Decision.Accept();
        return session.Waitlist.IsEmpty || session.IsCalledOff
            ? Decision.Accept(new SignUpCancelled(session.Id, memberId, false, now))
            : Decision.Accept(new SignUpCancelled(session.Id, memberId, false, now), new PromotedFromWaitlist(session.Id, session.Waitlist[0], now));
    }

    [EndpointSummary("Sign up: a seat while there is one, else a place on the waitlist. Signing up twice changes nothing (200).")]
    [WolverinePost("/api/sessions/{id}/sign-ups")]
    [Refuses(403, 404, 409)]
    public static async Task<Added<SignUpStatus>> Post(
        Guid id, ClaimsPrincipal user, IDocumentStore store, Membership.TierSettings tiers, TimeProvider clock,
        CancellationToken ct)
    {
        var outcome = await SignUpAsync(id, user.MemberId(), store, tiers, clock.GetUtcNow(), ct);
        return outcome.Added($"/api/sessions/{id}/sign-ups/me", status => status.Changed);
    }

    [EndpointSummary("Cancel your sign-up or leave the waitlist; the first in line gets the freed seat.")]
    [Members.AllowUnconfirmed]
    [WolverineDelete("/api/sessions/{id}/sign-ups/me")]
    [Refuses(404)]
    public static async Task<Answer<SignUpStatus>> Delete(
        Guid id, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var memberId = user.MemberId();
        var now = clock.GetUtcNow();
        var outcome = await CancelAsync(id, memberId, store, now, ct);
        return outcome.Answer(cancelled => cancelled.Status);
    }

    /// <summary>A cancelled sign-up, and whether the member was waiting rather than seated (the page words it so).</summary>
    public sealed record Cancelled(SignUpStatus Status, bool WasWaiting);

    public static async Task<Outcome<Cancelled>> CancelAsync(
        Guid sessionId, Guid memberId, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        var wasWaiting = false;
        return (await EventStreams.DecideAsync<Session>(store, sessionId, null, s =>
            {
                wasWaiting = s.Waitlist.Contains(memberId);
                return DecideCancel(s, memberId, now);
            }, Session.NotFound, ct))
            .Map(written => new Cancelled(new SignUpStatus(sessionId, None, null, written.Version, written.Changed),
                wasWaiting));
    }

    public static async Task<Outcome<SignUpStatus>> SignUpAsync(Guid sessionId, Guid memberId, IDocumentStore store, Membership.TierSettings tiers, DateTimeOffset now, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var found = await query.LoadAsync<Session>(sessionId, ct);
        var coalitionId = found?.CoalitionId;
        var isCoalitionMember = coalitionId is { } id && await query.LoadAsync<CoalitionDetails>(id, ct) is { } coalition
            && coalition.Members.Any(m => m.MemberId == memberId);
        // Only provider-led sessions look the membership up, so the busy path of ordinary sign-ups does no extra reads.
        var mayJoinProviderSessions = found is null || !NeedsEntitlement(found, isCoalitionMember)
            || (await Membership.Tiers.LoadAsync(query, memberId, now, tiers, ct))?.Includes(Membership.Entitlements.ProviderSessions) == true;

        var outcome = await EventStreams.DecideAsync<Session>(store, sessionId, null, s => DecideSignUp(s, isCoalitionMember, memberId, now, mayJoinProviderSessions), Session.NotFound, ct);
        if (outcome.Problem is { } problem) return problem;
        var after = await query.LoadAsync<Session>(sessionId, ct);
        return StatusOf(after!, memberId, outcome.Value!.Version, outcome.Value.Changed);
    }

    public static SignUpStatus StatusOf(Session session, Guid memberId, long version, bool changed) =>
        session.Participants.Contains(memberId) ? new(session.Id, SignedUp, null, version, changed)
        : session.Waitlist.IndexOf(memberId) is >= 0 and var index ? new(session.Id, Waiting, index + 1, version, changed)
        : new(session.Id, None, null, version, changed);
}
