using JasperFx.Events.Projections;
using Microsoft.Extensions.Options;

namespace HetInitiatief.Network;

/// <summary>The network's stream begins when the platform first starts, so founding seats always have a stream to lock.</summary>
public sealed record NetworkOpened(Guid NetworkId, DateTimeOffset OpenedAt);

/// <summary>A founding seat was taken: the first members join free and are numbered 1 to the number of seats.</summary>
public sealed record EarlyBirdSeatTaken(Guid NetworkId, Guid MemberId, int Seat, DateTimeOffset TakenAt);

/// <summary>The joint, festive start: when the last seat is taken, or earlier when an admin decides the group is ready.</summary>
public sealed record JointStartRecorded(Guid NetworkId, string Reason, Guid? RecordedBy, int EarlyBirds, DateTimeOffset StartedAt)
{
    public const string LastSeat = "lastSeat";
    public const string AdminDecided = "adminDecided";
}

/// <summary>After the joint start an admin names the session that is the festive opening; naming another one replaces it.</summary>
public sealed record OpeningSessionPlanned(Guid NetworkId, Guid SessionId, Guid PlannedBy, DateTimeOffset PlannedAt);

/// <summary>The network as a whole: its founding seats, whether it has started together, and its festive opening.</summary>
public sealed record NetworkState(Guid Id, IReadOnlyList<Guid> EarlyBirds, DateTimeOffset? StartedAt, long Version, Guid? OpeningSessionId = null)
{
    public bool Started => StartedAt is not null;

    public static NetworkState Create(NetworkOpened e) => new(e.NetworkId, [], null, 1);

    public NetworkState Apply(EarlyBirdSeatTaken e) => this with { EarlyBirds = [.. EarlyBirds, e.MemberId], Version = Version + 1 };

    public NetworkState Apply(JointStartRecorded e) => this with { StartedAt = e.StartedAt, Version = Version + 1 };

    public NetworkState Apply(OpeningSessionPlanned e) => this with { OpeningSessionId = e.SessionId, Version = Version + 1 };

    public static NetworkState Empty(Guid id) => new(id, [], null, 0);
}

/// <summary>The platform's settings for the start of the network (<c>Platform:NetworkId</c>, <c>Platform:EarlyBirdSeats</c>).</summary>
public sealed record NetworkSettings(Guid NetworkId, int EarlyBirdSeats)
{
    /// <summary>One network per platform; a test can run its own beside it with another id.</summary>
    public static readonly Guid DefaultId = new("8a1f3c52-6d0e-4b7a-9c21-3e5f7a9b0d14");

    /// <summary>Bound as options and checked at start-up: a value it cannot honour stops it, naming it.</summary>
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedSettings<NetworkOptions>(configuration, NetworkOptions.Section, NetworkOptions.Problems);
        services.AddSingleton(s => From(s.GetRequiredService<IOptions<NetworkOptions>>().Value));
    }

    public static NetworkSettings From(NetworkOptions options) => new(options.NetworkId, options.EarlyBirdSeats);
}

/// <summary>The network's settings as configured; 0 founding seats means no early birds (an admin starts the network).</summary>
public sealed class NetworkOptions
{
    public const string Section = "Platform";

    public Guid NetworkId { get; set; } = NetworkSettings.DefaultId;
    public int EarlyBirdSeats { get; set; } = 50;

    public static IEnumerable<string?> Problems(NetworkOptions o) => [Settings.AtLeast($"{Section}:{nameof(EarlyBirdSeats)}", o.EarlyBirdSeats, 0)];
}

public static class EarlyBirds
{
    /// <summary>The next founding seat, if there is one, and the joint start when it is the last.</summary>
    public static Decision DecideSeat(NetworkState network, int seats, Guid memberId, DateTimeOffset now)
    {
        if (network.Started || network.EarlyBirds.Count >= seats) return Decision.Accept();
        var seat = network.EarlyBirds.Count + 1;
        var taken = new EarlyBirdSeatTaken(network.Id, memberId, seat, now);
        return seat == seats
            ? Decision.Accept(taken, new JointStartRecorded(network.Id, JointStartRecorded.LastSeat, null, seat, now))
            : Decision.Accept(taken);
    }
}

/// <summary>Opens the network's stream at start-up when it does not exist yet; a second instance starting at the same moment is harmless.</summary>
/// <remarks>
/// It takes the options, not <see cref="NetworkSettings"/>: the host builds its services before it checks the settings,
/// and a bad value must stop the start-up through that check, with its message.
/// </remarks>
public sealed class NetworkOpening(IDocumentStore store, IOptions<NetworkOptions> options, TimeProvider clock)
    : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var settings = NetworkSettings.From(options.Value);
        await using var session = store.LightweightSession();
        if (await session.Events.FetchStreamStateAsync(settings.NetworkId, ct) is not null) return;
        // Another instance opening it at the same moment collides on the id; then it is open, which is all this wants.
        await EventStreams.StartAsync<NetworkState>(session, settings.NetworkId,
            Decision.Accept(new NetworkOpened(settings.NetworkId, clock.GetUtcNow())), EventStreams.AlreadyThere, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

public sealed class NetworkConfiguration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Projections.Snapshot<NetworkState>(SnapshotLifecycle.Inline);
}
