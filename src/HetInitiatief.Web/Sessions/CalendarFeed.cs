using System.Security.Cryptography;
using System.Text;

namespace HetInitiatief.Sessions;

/// <summary>
/// A member's personal calendar feed: a secret address a calendar app can subscribe to without
/// signing in. The token is a secret, so it lives in a document, never in an event; a new one
/// replaces (and so revokes) the old.
/// </summary>
public sealed record CalendarFeed(Guid Id, string Token, DateTimeOffset CreatedAt)
{
    public static CalendarFeed New(Guid memberId, DateTimeOffset now) => new(memberId, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)), now);
}

public sealed record CalendarFeedAddress(string Url, DateTimeOffset CreatedAt);

public static class CalendarFeedEndpoints
{
    public static string Path(string token) => $"/agenda/{token}.ics";

    [EndpointSummary("Create (or replace, revoking the old one) my secret calendar feed address.")]
    [Members.AllowUnconfirmed]
    [WolverinePost("/api/me/calendar-feed")]
    public static async Task<Created<CalendarFeedAddress>> Create(
        ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var feed = await CreateAsync(user.MemberId(), session, clock.GetUtcNow(), ct);
        return Created.At(Path(feed.Token), new CalendarFeedAddress(Path(feed.Token), feed.CreatedAt));
    }

    [EndpointSummary("My calendar feed address, if I have one.")]
    [WolverineGet("/api/me/calendar-feed")]
    [Refuses(404)]
    public static async Task<Answer<CalendarFeedAddress>> Get(
        ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<CalendarFeed>(user.MemberId(), ct) is { } feed
            ? new CalendarFeedAddress(Path(feed.Token), feed.CreatedAt)
            : Problem.NotFound("Je hebt nog geen agenda-abonnement.");

    [EndpointSummary("Revoke my calendar feed address.")]
    [Members.AllowUnconfirmed]
    [WolverineDelete("/api/me/calendar-feed")]
    public static async Task<Done> Revoke(ClaimsPrincipal user, IDocumentSession session, CancellationToken ct)
    {
        await RevokeAsync(user.MemberId(), session, ct);
        return Done.Instance;
    }

    /// <summary>A new secret address replaces the old one, which stops working at once.</summary>
    public static async Task<CalendarFeed> CreateAsync(
        Guid memberId, IDocumentSession session, DateTimeOffset now, CancellationToken ct)
    {
        var feed = CalendarFeed.New(memberId, now);
        session.Store(feed);
        await session.SaveChangesAsync(ct);
        return feed;
    }

    public static async Task RevokeAsync(Guid memberId, IDocumentSession session, CancellationToken ct)
    {
        session.Delete<CalendarFeed>(memberId);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>The feed itself: open to whoever holds the secret address, like every calendar subscription.</summary>
    [AllowAnonymous]
    [EndpointSummary("The sessions I signed up for or host, as an iCalendar feed; the secret address is the key.")]
    [FileFormat("text/calendar")]
    [WolverineGet("/agenda/{token}.ics")]
    [Refuses(404)]
    public static async Task<Download> Feed(string token, IQuerySession session, CancellationToken ct)
    {
        var feed = await session.Query<CalendarFeed>().FirstOrDefaultAsync(f => f.Token == token, ct);
        if (feed is null) return Download.NotFound;
        var mine = (await MySessionsEndpoint.ReadAsync(feed.Id, session, ct)).Where(s => s.Me.Status != SignUpEndpoints.Waiting);
        return Download.Text(GetSessionEndpoints.ICalendar(mine), "text/calendar; charset=utf-8");
    }
}
