using HetInitiatief.Questions;
using JasperFx.Events;
using Marten.Events;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.SignalR;

namespace HetInitiatief.Members;

/// <summary>One grant or revocation, read straight from the member streams: the audit is the event store itself.</summary>
public sealed record RoleChangeView(Person Member, string Role, string RoleName, string Change, Person? By, DateTimeOffset At);

/// <summary>A member as the admin finds them to change their roles.</summary>
public sealed record MemberRolesView(Guid Id, string Name, string Email, string School, IReadOnlyList<string> Roles);

/// <summary>Who passes the role policies, and the one Dutch refusal of everything only admins may see or do.</summary>
public static class AdminAccess
{
    public const string AdminsOnly = "Alleen een beheerder mag dit.";

    /// <summary>Moderators, and admins, who may do whatever a moderator does.</summary>
    public static readonly IReadOnlyList<string> Moderators = [MemberRoles.Moderator, MemberRoles.Admin];
}

/// <summary>
/// The role checks as ASP.NET Core authorization policies, for endpoints (<c>[Authorize(Policy = RolePolicies.Admin)]</c>),
/// pages and hub methods alike. Roles live in the member's stored profile, not in the sign-in's claims, so
/// <see cref="MemberRoleHandler"/> reads the profile on every request and a revoked role is refused at once.
/// </summary>
public static class RolePolicies
{
    public const string Admin = "Admin";

    /// <summary>Moderators, and admins, who may do whatever a moderator does.</summary>
    public const string Moderator = "Moderator";

    public static IServiceCollection AddRolePolicies(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, MemberRoleHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RoleRefusals>();
        services.Configure<HubOptions>(hubs => hubs.AddFilter<HubRolePolicies>());
        services.AddAuthorizationBuilder()
            .AddPolicy(Admin, Requiring(new MemberRoleRequirement([MemberRoles.Admin], AdminAccess.AdminsOnly)))
            .AddPolicy(Moderator, Requiring(new MemberRoleRequirement(AdminAccess.Moderators, Moderation.Moderators.Refusal)));
        return services;
    }

    private static Action<AuthorizationPolicyBuilder> Requiring(MemberRoleRequirement requirement) =>
        policy => policy.RequireAuthenticatedUser().AddRequirements(requirement);
}

/// <summary>One of these roles is needed; <see cref="Refusal"/> is the Dutch detail of the 403 otherwise.</summary>
public sealed record MemberRoleRequirement(IReadOnlyList<string> Roles, string Refusal) : IAuthorizationRequirement;

public sealed class MemberRoleHandler(IDocumentStore store) : AuthorizationHandler<MemberRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, MemberRoleRequirement requirement)
    {
        if (!context.User.IsSignedIn()) return;
        await using var session = store.QuerySession();
        var member = await session.LoadAsync<MemberProfile>(context.User.MemberId());
        if (member is not null && requirement.Roles.Any(member.Has)) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, requirement.Refusal));
    }
}

/// <summary>
/// A member refused by a role policy: the API answers 403 problem details with the policy's Dutch refusal, a page
/// answers 403 and the Dutch error page is shown (as for every refused page). Everything else as ASP.NET Core does.
/// </summary>
public sealed class RoleRefusals : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _otherwise = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        var refusal = result.AuthorizationFailure?.FailureReasons.FirstOrDefault(r => r.Handler is MemberRoleHandler);
        if (!result.Forbidden || refusal is null)
        {
            await _otherwise.HandleAsync(next, context, policy, result);
            return;
        }
        if (PageRequests.Is(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        await Problem.Forbidden(refusal.Message).ToResult().ExecuteAsync(context);
    }
}

/// <summary>
/// A hub method only for the members a role policy admits, e.g. <c>[HubPolicy(RolePolicies.Moderator)]</c>. Not
/// SignalR's own <c>[Authorize(Policy = …)]</c>: SignalR checks that before any hub filter runs and answers every
/// refusal with its fixed English "Failed to invoke '…' because user is unauthorized", so the caller would never
/// read the Dutch reason. <see cref="HubRolePolicies"/> runs the same policy and refuses in Dutch.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HubPolicyAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}

/// <summary>Evaluates a hub method's <see cref="HubPolicyAttribute"/>; a refusal is a <see cref="HubException"/> with the policy's Dutch text.</summary>
public sealed class HubRolePolicies(IAuthorizationService authorization) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        foreach (var required in invocation.HubMethod.GetCustomAttributes(typeof(HubPolicyAttribute), inherit: true).Cast<HubPolicyAttribute>())
        {
            var user = invocation.Context.User ?? new ClaimsPrincipal();
            var result = await authorization.AuthorizeAsync(user, invocation, required.Policy);
            if (result.Succeeded) continue;
            var refusal = result.Failure?.FailureReasons.FirstOrDefault(r => r.Handler is MemberRoleHandler)?.Message;
            throw new HubException(refusal ?? "Log opnieuw in.");
        }
        return await next(invocation);
    }
}

public static class RoleAuditEndpoints
{
    public const int Shown = 200;

    [EndpointSummary("Every role granted and revoked, newest first (admin only).")]
    [WolverineGet("/api/admin/roles")]
    [Authorize(Policy = RolePolicies.Admin)]
    public static async Task<Answer<IReadOnlyList<RoleChangeView>>> Audit(IQuerySession session, CancellationToken ct) =>
        Answer.Of(await AuditAsync(session, ct));

    [EndpointSummary("Find members by name, e-mail or school, with their roles (admin only).")]
    [WolverineGet("/api/admin/members")]
    [Authorize(Policy = RolePolicies.Admin)]
    public static async Task<Answer<IReadOnlyList<MemberRolesView>>> Find(string? q, IQuerySession session, CancellationToken ct) =>
        Answer.Of(await FindAsync(q, session, ct));

    public static async Task<IReadOnlyList<RoleChangeView>> AuditAsync(IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypesAre(typeof(MemberRoleGranted), typeof(MemberRoleRevoked)))
            .OrderByDescending(e => e.Sequence)
            .Take(Shown)
            .ToListAsync(ct);
        var changes = events.Select(e => e.Data switch
        {
            MemberRoleGranted g => (g.MemberId, g.Role, Change: "granted", By: g.GrantedBy, At: g.GrantedAt),
            MemberRoleRevoked r => (r.MemberId, r.Role, Change: "revoked", By: r.RevokedBy, At: r.RevokedAt),
            _ => throw new InvalidOperationException($"Unexpected event {e.EventTypeName}"),
        }).ToList();
        var names = await MemberProfile.NamesAsync(session, changes.SelectMany(c => new[] { c.MemberId, c.By }).Where(id => id != Guid.Empty), ct);
        return changes.Select(c => new RoleChangeView(Person.Of(c.MemberId, names), c.Role, RoleNames.Of(c.Role), c.Change,
            c.By == Guid.Empty ? null : Person.Of(c.By, names), c.At)).ToList();
    }

    public static async Task<IReadOnlyList<MemberRolesView>> FindAsync(string? q, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<MemberProfile>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(m => m.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
                                     || m.Email.Contains(term, StringComparison.OrdinalIgnoreCase)
                                     || m.School.Contains(term, StringComparison.OrdinalIgnoreCase));
        }
        else
        {
            // Without a search, the members who hold a role: the ones an admin most often looks for.
            query = query.Where(m => m.Roles != null && m.Roles.Any());
        }
        var members = await query.OrderBy(m => m.Name).Take(50).ToListAsync(ct);
        return members.Select(m => new MemberRolesView(m.Id, m.Name, m.Email, m.School, m.Roles ?? [])).ToList();
    }
}
