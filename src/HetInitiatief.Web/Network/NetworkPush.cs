using HetInitiatief.Live;
using HetInitiatief.Members;
using HetInitiatief.Questions;
using JasperFx.Events;
using Microsoft.AspNetCore.SignalR;

namespace HetInitiatief.Network;

/// <summary>
/// The public side of the live push: anyone on the landing page sees the seats fill and the questions
/// gather. It has no methods to call, and every connection only ever receives the network's own counts.
/// </summary>
[AllowAnonymous]
public sealed class NetworkHub : Hub
{
    public const string Path = "/hubs/network";
    public const string Group = "network";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, Group);
        await base.OnConnectedAsync();
    }
}

/// <summary>
/// Something the landing page shows changed: a confirmed member (and with it, perhaps, a seat), the start, a question
/// collected. A registration alone changes nothing there: seats and counts wait for the confirmed address.
/// </summary>
public sealed record NetworkChanged(string Change)
{
    public static NetworkChanged? From(IEvent e) => e.Data switch
    {
        MemberEmailConfirmed => new("confirmed"),
        JointStartRecorded => new("started"),
        OpeningSessionPlanned => new("openingPlanned"),
        EarlyBirdListingChosen => new("earlyBirdListed"),
        QuestionPosted or QuestionWithdrawn or QuestionReformulated => new("questions"),
        _ => null,
    };
}

/// <summary>
/// One refresh of the landing page per commit is enough, however many of its events the commit holds. Its own message,
/// not a <see cref="LivePush"/>: its handler reads the counts and sends them on the public hub.
/// </summary>
public sealed class NetworkPush : IPushMapper
{
    public IEnumerable<object> PushesFor(Commit commit) =>
        commit.Events.Select(NetworkChanged.From).FirstOrDefault(c => c is not null) is { } change ? [change] : [];
}

/// <summary>What the landing page's counter shows; small and stable, so the page can update it without fetching.</summary>
public sealed record NetworkSeats(string Change, int Seats, int SeatsTaken, int SeatsLeft, bool Started, int Members, int Goal)
{
    public const string Method = "networkChanged";
}

public static class NetworkPushHandler
{
    public static async Task Handle(
        NetworkChanged message, IQuerySession session, NetworkSettings settings, IHubContext<NetworkHub> hub, CancellationToken ct) =>
        await hub.Clients.Group(NetworkHub.Group).SendAsync(NetworkSeats.Method,
            await NetworkEndpoints.SeatsAsync(session, settings, message.Change, ct), ct);
}
