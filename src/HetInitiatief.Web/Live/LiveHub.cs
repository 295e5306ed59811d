using HetInitiatief.Questions;
using Microsoft.AspNetCore.SignalR;

namespace HetInitiatief.Live;

/// <summary>
/// Members watch the board or a question; committed changes are pushed to the watchers of exactly
/// that board or question. Signed-in members only, by cookie or bearer token. Every method only watches, so a member
/// who has not confirmed their address may call it (<see cref="Members.ConfirmedHubWrites"/>).
/// </summary>
[Authorize]
public sealed class LiveHub(Members.SessionStamps stamps) : Hub
{
    public const string Path = "/hubs/live";
    public const string BoardGroup = "board";
    public const string AgendaGroup = "agenda";

    /// <summary>Moderators only: the radar refreshes as members act.</summary>
    public const string RadarGroup = "radar";

    public static string SessionGroup(Guid sessionId) => $"session:{sessionId}";

    public static string QuestionGroup(Guid questionId) => $"question:{questionId}";

    public static string ProductGroup(Guid productId) => $"product:{productId}";

    /// <summary>Each member's own group, for their notifications; joined on connecting.</summary>
    public static string MemberGroup(Guid memberId) => $"member:{memberId}";

    /// <summary>Remembered with its session stamp, so ending the session (a new password, signing out everywhere) closes it.</summary>
    public override async Task OnConnectedAsync()
    {
        stamps.Connected(Context);
        // The client's handshake completes before this runs: a session that ended in between was not here to be
        // closed, so it is checked once registered (registered first, so a later end finds it).
        if (!await stamps.IsCurrentAsync(Context.User!, Context.ConnectionAborted))
        {
            stamps.Disconnected(Context);
            Context.Abort();
            return;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, MemberGroup(Context.User!.MemberId()));
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        stamps.Disconnected(Context);
        return base.OnDisconnectedAsync(exception);
    }

    [Members.AllowUnconfirmed]
    public Task WatchBoard() => Groups.AddToGroupAsync(Context.ConnectionId, BoardGroup);

    [Members.AllowUnconfirmed]
    public Task UnwatchBoard() => Groups.RemoveFromGroupAsync(Context.ConnectionId, BoardGroup);

    [Members.AllowUnconfirmed]
    public async Task WatchQuestion(Guid questionId, IQuerySession session)
    {
        if (await session.LoadAsync<QuestionBoardItem>(questionId, Context.ConnectionAborted) is null)
            throw new HubException(QuestionRules.NotFound);
        await Groups.AddToGroupAsync(Context.ConnectionId, QuestionGroup(questionId));
    }

    [Members.AllowUnconfirmed]
    public Task UnwatchQuestion(Guid questionId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, QuestionGroup(questionId));

    /// <summary>A product page's viewers; a members-only product is for members, as this hub is.</summary>
    [Members.AllowUnconfirmed]
    public async Task WatchProduct(Guid productId, IQuerySession session)
    {
        if (await session.LoadAsync<Kennisbank.ProductDetails>(productId, Context.ConnectionAborted) is null)
            throw new HubException(Kennisbank.ProductRules.NotFound);
        await Groups.AddToGroupAsync(Context.ConnectionId, ProductGroup(productId));
    }

    [Members.AllowUnconfirmed]
    public Task UnwatchProduct(Guid productId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, ProductGroup(productId));

    [Members.AllowUnconfirmed]
    public Task WatchAgenda() => Groups.AddToGroupAsync(Context.ConnectionId, AgendaGroup);

    [Members.AllowUnconfirmed]
    public async Task WatchSession(Guid sessionId, IQuerySession session)
    {
        if (await session.LoadAsync<Sessions.Session>(sessionId, Context.ConnectionAborted) is null)
            throw new HubException(Sessions.Session.NotFound);
        await Groups.AddToGroupAsync(Context.ConnectionId, SessionGroup(sessionId));
    }

    /// <summary>The moderator policy, like every moderator endpoint: a member is refused, and a revoked moderator at once.</summary>
    [Members.AllowUnconfirmed]
    [Members.HubPolicy(Members.RolePolicies.Moderator)]
    public Task WatchRadar() => Groups.AddToGroupAsync(Context.ConnectionId, RadarGroup);

    [Members.AllowUnconfirmed]
    public Task UnwatchSession(Guid sessionId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, SessionGroup(sessionId));
}
