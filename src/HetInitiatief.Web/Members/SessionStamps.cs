using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.SignalR;

namespace HetInitiatief.Members;

/// <summary>
/// The stamp a member's sessions were signed in under. A password reset, a password change and "sign out everywhere"
/// store a new one, which ends every cookie and token that carries the old one.
/// </summary>
public sealed record SessionStamp(Guid Id, string Stamp);

public sealed class SessionStampsConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) => options.Schema.For<SessionStamp>();
}

/// <summary>
/// Every cookie and bearer token carries the member's stamp as it was when it was issued (a member who never
/// renewed it has none, which stands for the empty stamp); each authenticated request and each new hub connection
/// is checked against the stored one. Reading it costs a database round trip, so it is remembered for
/// <see cref="RememberFor"/>; a renewal on this server replaces what is remembered at once, so a reset takes
/// effect here immediately and on another server within that time.
/// </summary>
public sealed class SessionStamps(IDocumentStore store, TimeProvider clock)
{
    public const string ClaimType = "het-initiatief/session-stamp";
    public static readonly TimeSpan RememberFor = TimeSpan.FromSeconds(30);

    private sealed record Remembered(string Stamp, DateTimeOffset Until);

    // One entry per member who was active recently on this server: small, and bounded by the number of members.
    private readonly ConcurrentDictionary<Guid, Remembered> _remembered = new();
    private readonly ConcurrentDictionary<string, (Guid MemberId, string Stamp, HubCallerContext Connection)> _connections = new();

    public static string Of(ClaimsPrincipal principal) => principal.FindFirstValue(ClaimType) ?? "";

    public async Task<string> CurrentAsync(Guid memberId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var known = _remembered.TryGetValue(memberId, out var entry) ? entry : null;
        if (known is not null && known.Until > now) return known.Stamp;

        await using var session = store.QuerySession();
        var stamp = (await session.LoadAsync<SessionStamp>(memberId, ct))?.Stamp ?? "";
        var fresh = new Remembered(stamp, now + RememberFor);
        // Only replaces what was seen before the read: a renewal that landed meanwhile wins over this older read.
        if (known is null) _remembered.TryAdd(memberId, fresh);
        else _remembered.TryUpdate(memberId, fresh, known);
        return stamp;
    }

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct) =>
        !principal.IsSignedIn() || await CurrentAsync(principal.MemberId(), ct) == Of(principal);

    /// <summary>A principal for a member who just proved who they are, carrying the current stamp.</summary>
    public async Task<ClaimsPrincipal> PrincipalAsync(MemberProfile member, string scheme, CancellationToken ct) =>
        Authentication.Principal(member, scheme, await CurrentAsync(member.Id, ct));

    /// <summary>Stores a new stamp in the caller's unit of work; call <see cref="Renewed"/> once it is committed.</summary>
    public static string Renew(IDocumentSession session, Guid memberId)
    {
        var stamp = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        session.Store(new SessionStamp(memberId, stamp));
        return stamp;
    }

    /// <summary>Ends, on this server, what the old stamp still held: the remembered stamp and open hub connections.</summary>
    public void Renewed(Guid memberId, string stamp)
    {
        _remembered[memberId] = new Remembered(stamp, clock.GetUtcNow() + RememberFor);
        foreach (var (id, connection) in _connections)
        {
            if (connection.MemberId == memberId && connection.Stamp != stamp && _connections.TryRemove(id, out _))
                connection.Connection.Abort();
        }
    }

    /// <summary>Hub connections of a session that later ends are closed, so they stop receiving the member's pushes.</summary>
    public void Connected(HubCallerContext connection) =>
        _connections[connection.ConnectionId] = (connection.User!.MemberId(), Of(connection.User!), connection);

    public void Disconnected(HubCallerContext connection) => _connections.TryRemove(connection.ConnectionId, out _);
}
