namespace HetInitiatief.Members;

public static class MemberRoles
{
    public const string Provider = "provider";
    public const string Moderator = "moderator";
    public const string SchoolLeader = "schoolLeader";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> Grantable = [Provider, Moderator, SchoolLeader, Admin];
}

public static class RoleNames
{
    public static readonly IReadOnlyDictionary<string, string> Dutch = new Dictionary<string, string>
    {
        [MemberRoles.Provider] = "aanbieder", [MemberRoles.Moderator] = "moderator", [MemberRoles.SchoolLeader] = "leidinggevende", [MemberRoles.Admin] = "beheerder",
    };

    public static string Of(string role) => Dutch.GetValueOrDefault(role, role);
}

/// <summary>An admin gave a member a role; <c>GrantedBy</c> is empty when the platform's configuration did (the first admins).</summary>
public sealed record MemberRoleGranted(Guid MemberId, string Role, Guid GrantedBy, DateTimeOffset GrantedAt);

public sealed record MemberRoleRevoked(Guid MemberId, string Role, Guid RevokedBy, DateTimeOffset RevokedAt);

/// <summary>
/// The addresses that are made admin once confirmed (setting <c>Platform:AdminEmails</c>), so a new platform has an
/// admin; not on registering, or whoever registered such an address first would be admin without owning it.
/// </summary>
public sealed record PlatformAdmins(IReadOnlySet<string> Emails)
{
    public static PlatformAdmins From(string? setting) =>
        new((setting ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries).Select(MemberLogin.Normalise).ToHashSet());

    public bool Includes(string email) => Emails.Contains(MemberLogin.Normalise(email));
}

public sealed record ChangeRole(string? Role);

public static class RoleEndpoints
{
    public static Decision DecideGrant(MemberProfile member, string? role, MemberProfile admin, DateTimeOffset now) =>
        !admin.Has(MemberRoles.Admin) ? Problem.Forbidden("Alleen een beheerder kent rollen toe.")
        : role is null || !MemberRoles.Grantable.Contains(role) ? Problem.Invalid("role", "Kies provider, moderator, schoolLeader of admin.")
        : member.Has(role) ? Decision.Accept()
        : Decision.Accept(new MemberRoleGranted(member.Id, role, admin.Id, now));

    public static Decision DecideRevoke(MemberProfile member, string role, MemberProfile admin, DateTimeOffset now) =>
        !admin.Has(MemberRoles.Admin) ? Problem.Forbidden("Alleen een beheerder trekt rollen in.")
        : !member.Has(role) ? Decision.Accept()
        : Decision.Accept(new MemberRoleRevoked(member.Id, role, admin.Id, now));

    [EndpointSummary("Grant a member a role (admin only): provider, moderator, schoolLeader or admin.")]
    [WolverinePost("/api/members/{id}/roles")]
    [Refuses(400, 403, 404)]
    public static async Task<Answer<MemberProfile>> Grant(
        Guid id, ChangeRole command, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct) =>
        (await GrantAsync(id, command.Role, user.MemberId(), store, clock.GetUtcNow(), ct)).Answer();

    [EndpointSummary("Revoke a member's role (admin only).")]
    [WolverineDelete("/api/members/{id}/roles/{role}")]
    [Refuses(403, 404)]
    public static async Task<Answer<MemberProfile>> Revoke(
        Guid id, string role, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        (await RevokeAsync(id, role, user.MemberId(), store, clock.GetUtcNow(), ct)).Answer();

    public static Task<Outcome<MemberProfile>> GrantAsync(
        Guid memberId, string? role, Guid adminId, IDocumentStore store, DateTimeOffset now, CancellationToken ct) =>
        ChangeAsync(memberId, adminId, store, ct, admin => m => DecideGrant(m, role, admin, now));

    public static Task<Outcome<MemberProfile>> RevokeAsync(
        Guid memberId, string role, Guid adminId, IDocumentStore store, DateTimeOffset now, CancellationToken ct) =>
        ChangeAsync(memberId, adminId, store, ct, admin => m => DecideRevoke(m, role, admin, now));

    private static async Task<Outcome<MemberProfile>> ChangeAsync(
        Guid memberId, Guid adminId, IDocumentStore store, CancellationToken ct,
        Func<MemberProfile, Func<MemberProfile, Decision>> decide)
    {
        // Roles are checked against the stored profile, not the sign-in's claims, so a revoked admin is refused at once.
        await using var query = store.QuerySession();
        var admin = await query.LoadAsync<MemberProfile>(adminId, ct);
        if (admin is null) return Problem.Unauthorized("Log opnieuw in.");
        var outcome = await EventStreams.DecideAsync<MemberProfile>(store, memberId, null, decide(admin), "Dit lid bestaat niet.", ct);
        if (outcome.Problem is { } problem) return problem;
        return (await query.LoadAsync<MemberProfile>(memberId, ct))!;
    }
}
