using HetInitiatief.Members;

namespace HetInitiatief.Invites;

/// <summary>What the register page shows: who invites you, and their note.</summary>
public sealed record Invitation(string InviterName, string? Note);

/// <summary>
/// Registering through an invite link accepts it, in the registration's own transaction. An unknown or
/// already used token does not stop anyone from registering: the invite is then simply ignored, since a
/// teacher who wants to join should never be turned away over a stale link.
/// </summary>
public static class AcceptInvite
{
    public static Decision Decide(Invite invite, Guid memberId, DateTimeOffset now) =>
        !invite.CanBeAccepted() ? Problem.Conflict("Deze uitnodiging is al gebruikt.", "invite")
        : invite.InviterId == memberId || invite.Acceptances.Any(a => a.MemberId == memberId) ? Decision.Accept()
        : Decision.Accept(new InviteAccepted(invite.Id, memberId, now));

    /// <summary>Appends the acceptance to the registration's session, locking the invite so a single-use one is accepted once.</summary>
    public static async Task OnRegistrationAsync(IDocumentSession session, string? token, Guid memberId, DateTimeOffset now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token)) return;
        var inviteId = await session.Query<Invite>().Where(i => i.Token == token.Trim()).Select(i => i.Id).FirstOrDefaultAsync(ct);
        if (inviteId == Guid.Empty) return;
        var stream = await session.Events.FetchForExclusiveWriting<Invite>(inviteId, ct);
        if (stream.Aggregate is null) return;
        var decision = Decide(stream.Aggregate, memberId, now);
        if (decision.Refusal is null && decision.Events.Count > 0) stream.AppendMany(decision.Events);
    }

    /// <summary>Who invites the holder of this token, while it still works; null for an unknown or used one.</summary>
    public static async Task<Invitation?> InvitationAsync(string? token, IQuerySession session, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        var invite = await session.Query<Invite>().Where(i => i.Token == token.Trim()).FirstOrDefaultAsync(ct);
        if (invite is null || !invite.CanBeAccepted()) return null;
        var inviter = await session.LoadAsync<MemberProfile>(invite.InviterId, ct);
        return inviter is null ? null : new Invitation(inviter.Name, invite.Note);
    }

    [AllowAnonymous]
    [EndpointSummary("Who invites the holder of this invite token (public, for the register page); 404 when unknown or used.")]
    [WolverineGet("/api/invites/{token}")]
    [Refuses(404)]
    public static async Task<Answer<Invitation>> Get(string token, IQuerySession session, CancellationToken ct) =>
        await InvitationAsync(token, session, ct) is { } invitation
            ? invitation
            : Problem.NotFound("Deze uitnodiging bestaat niet of is al gebruikt. Je kunt je gewoon zonder uitnodiging aanmelden.");
}

/// <summary>"Forget me" for invites: what the member wrote or was written about them.</summary>
public static class InviteData
{
    /// <summary>
    /// The member's own invites are masked and removed (their tokens stop working); in invites the member
    /// accepted, the address and note the inviter typed are masked, while the fact of the acceptance
    /// (ids only) stays for the inviter, shown as by "oud-lid".
    /// </summary>
    public static async Task ForgetAsync(Guid memberId, IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var sent = await session.Query<Invite>().Where(i => i.InviterId == memberId).ToListAsync(ct);
        var accepted = await session.Query<Invite>().Where(i => i.Acceptances.Any(a => a.MemberId == memberId)).ToListAsync(ct);
        var streams = sent.Concat(accepted).Select(i => i.Id).Distinct().ToList();
        if (streams.Count == 0) return;

        await store.Advanced.ApplyEventDataMasking(x => { foreach (var id in streams) x.IncludeStream(id); }, ct);
        foreach (var invite in sent) session.Delete(invite);
        foreach (var invite in accepted.Where(i => i.InviterId != memberId)) session.Store(invite with { Email = null, Note = null });
        await session.SaveChangesAsync(ct);
    }
}
