using System.Security.Cryptography;
using JasperFx.Events.Projections;

namespace HetInitiatief.Invites;

/// <summary>
/// A member invited colleagues: by e-mail (single use, <c>SingleUse</c>) or with a link to share with
/// whoever they like (reusable). <c>Email</c> and <c>Note</c> are masked when the inviter, or the
/// colleague who accepted, deletes their account.
/// </summary>
public sealed record InviteCreated(Guid InviteId, Guid InviterId, string Token, string? Email, string? Note, bool SingleUse, DateTimeOffset CreatedAt);

/// <summary>A colleague registered through the invite.</summary>
public sealed record InviteAccepted(Guid InviteId, Guid MemberId, DateTimeOffset AcceptedAt);

public sealed record InviteAcceptance(Guid MemberId, DateTimeOffset AcceptedAt);

/// <summary>An invite as decisions and pages need it. Projected inline from the invite stream.</summary>
public sealed record Invite(
    Guid Id, Guid InviterId, string Token, string? Email, string? Note, bool SingleUse, DateTimeOffset CreatedAt, IReadOnlyList<InviteAcceptance> Acceptances)
{
    public const string Open = "open";
    public const string Accepted = "accepted";

    public static Invite Create(InviteCreated e) => new(e.InviteId, e.InviterId, e.Token, e.Email, e.Note, e.SingleUse, e.CreatedAt, []);

    public Invite Apply(InviteAccepted e) => this with { Acceptances = [.. Acceptances, new InviteAcceptance(e.MemberId, e.AcceptedAt)] };

    public string StatusNow() => Acceptances.Count == 0 ? Open : Accepted;

    /// <summary>A single-use invite stops working once accepted; a shared link keeps working.</summary>
    public bool CanBeAccepted() => !SingleUse || Acceptances.Count == 0;

    public static string LinkFor(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}/registreren?uitnodiging={token}";

    /// <summary>
    /// 128 random bits, URL-safe. Stored plain, not hashed: a token only says who invited you and grants
    /// nothing (anyone may register without one), and keeping it lets the inviter copy their link again.
    /// </summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed class InvitesConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Projections.Snapshot<Invite>(SnapshotLifecycle.Inline);
        options.Schema.For<Invite>().UniqueIndex(i => i.Token).Index(i => i.InviterId).Index(i => i.CreatedAt);

        // What "forget me" blanks in an invite (InviteData.ForgetAsync): the invitee's address and the personal note.
        options.Events.AddMaskingRuleForProtectedInformation<InviteCreated>(e => e with { Email = null, Note = null });
    }
}
