using HetInitiatief.Members;

namespace HetInitiatief.Invites;

public sealed record InviteAcceptanceView(Guid MemberId, string Name, DateTimeOffset AcceptedAt);

/// <summary>One invite as its inviter sees it. <c>Status</c>: open or accepted.</summary>
public sealed record InviteView(
    Guid Id, string Link, string? Email, string? Note, bool SingleUse, string Status, DateTimeOffset CreatedAt, IReadOnlyList<InviteAcceptanceView> Acceptances);

public sealed record MyInvites(IReadOnlyList<InviteView> Invites, int InvitedLastDay, int MaxPerDay);

public static class MyInvitesEndpoint
{
    public const int ListSize = 100;

    [EndpointSummary("My invites, newest first: open or accepted, by whom and when.")]
    [WolverineGet("/api/invites")]
    public static async Task<Answer<MyInvites>> Get(
        ClaimsPrincipal user, Mail.Mailer mailer, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        await ListAsync(user.MemberId(), mailer.SiteUrl, session, clock.GetUtcNow(), ct);

    public static async Task<MyInvites> ListAsync(Guid inviterId, string baseUrl, IQuerySession session, DateTimeOffset now, CancellationToken ct)
    {
        var invites = await session.Query<Invite>().Where(i => i.InviterId == inviterId)
            .OrderByDescending(i => i.CreatedAt).Take(ListSize).ToListAsync(ct);
        var names = await MemberProfile.NamesAsync(session, invites.SelectMany(i => i.Acceptances).Select(a => a.MemberId), ct);
        var since = now.AddDays(-1);
        return new MyInvites(invites.Select(i => ToView(i, baseUrl, names)).ToList(), invites.Count(i => i.CreatedAt > since), SendInviteEndpoint.MaxPerDay);
    }

    public static InviteView ToView(Invite invite, string baseUrl, IReadOnlyDictionary<Guid, string> names) =>
        new(invite.Id, Invite.LinkFor(baseUrl, invite.Token), invite.Email, invite.Note, invite.SingleUse, invite.StatusNow(), invite.CreatedAt,
            invite.Acceptances.Select(a => new InviteAcceptanceView(a.MemberId, names.GetValueOrDefault(a.MemberId, MemberProfile.FormerMember), a.AcceptedAt)).ToList());
}
