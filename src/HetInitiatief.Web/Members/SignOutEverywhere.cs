using Microsoft.AspNetCore.Authentication;

namespace HetInitiatief.Members;

/// <summary>
/// A member who lost a phone or signed in on a school computer ends every session at once: every cookie, every
/// bearer token and every live connection, this one included.
/// </summary>
public static class SignOutEverywhereEndpoint
{
    [EndpointSummary("Sign out everywhere: every cookie and bearer token of mine stops working, the caller's too.")]
    [WolverinePost("/api/me/sign-out-everywhere")]
    public static async Task<Done> Post(
        ClaimsPrincipal user, HttpContext context, IDocumentStore store, SessionStamps stamps, CancellationToken ct)
    {
        await SignOutAsync(user.MemberId(), context, store, stamps, ct);
        return Done.Instance;
    }

    public static async Task SignOutAsync(Guid memberId, HttpContext context, IDocumentStore store, SessionStamps stamps, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stamp = SessionStamps.Renew(session, memberId);
        await session.SaveChangesAsync(ct);
        stamps.Renewed(memberId, stamp);
        await context.SignOutAsync(Authentication.Cookie);
    }
}
