using System.Threading.Channels;
using HetInitiatief.Live;
using HetInitiatief.Moderation;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace HetInitiatief.Tests.Moderation;

public sealed class RadarLiveTests(AppFixture app)
{
    [Fact]
    public async Task Moderators_watching_the_radar_hear_when_members_act_and_a_member_cannot_watch_it()
    {
        var moderator = await app.ModeratorAsync();
        var member = await app.Host.RegisterMemberAsync();
        var owner = await app.Host.RegisterMemberAsync();
        var stale = await app.QuestionPostedAgoAsync(owner, TimeSpan.FromDays(3));
        await using var watching = Connect(moderator.Token);
        var pushes = Channel.CreateUnbounded<RadarChanged>();
        watching.On<RadarChanged>(RadarChanged.Method, c => pushes.Writer.TryWrite(c));
        await watching.StartAsync();
        await watching.InvokeAsync("WatchRadar");
        await using var refused = Connect(member.Token);
        var memberPushes = Channel.CreateUnbounded<RadarChanged>();
        refused.On<RadarChanged>(RadarChanged.Method, c => memberPushes.Writer.TryWrite(c));
        await refused.StartAsync();

        (await Should.ThrowAsync<HubException>(() => refused.InvokeAsync("WatchRadar"))).Message.ShouldContain("moderatoren");

        (await app.RadarAsync(moderator)).Items.ShouldContain(i => i.QuestionId == stale && i.Kind == RadarKinds.Unprobed);
        await app.Host.AskFollowUpAsync(member, stale);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        (await pushes.Reader.ReadAsync(timeout.Token)).Cause.ShouldNotBeNullOrEmpty();
        (await app.RadarAsync(moderator)).Items.ShouldNotContain(i => i.QuestionId == stale && i.Kind == RadarKinds.Unprobed);
        memberPushes.Reader.TryRead(out _).ShouldBeFalse();
    }

    [Fact]
    public async Task The_radar_is_refreshed_by_the_clock_too_for_items_that_appear_without_anyone_acting()
    {
        await using var server = await WebServer.StartAsync(app.ConnectionString, new Dictionary<string, string?> { ["Moderation:Radar:RefreshSeconds"] = "1" });
        var moderator = await app.ModeratorAsync();
        await using var watching = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, LiveHub.Path), options => options.AccessTokenProvider = () => Task.FromResult<string?>(moderator.Token))
            .Build();
        var pushes = Channel.CreateUnbounded<RadarChanged>();
        watching.On<RadarChanged>(RadarChanged.Method, c => pushes.Writer.TryWrite(c));
        await watching.StartAsync();
        await watching.InvokeAsync("WatchRadar");

        // Members' actions elsewhere may push too; within the margin a push by the clock must be among them.
        var clockPushed = false;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            while (!clockPushed) clockPushed = (await pushes.Reader.ReadAsync(timeout.Token)).Cause == RadarClock.Cause;
        }
        catch (OperationCanceledException)
        {
        }
        clockPushed.ShouldBeTrue();
    }

    [Fact]
    public async Task An_anonymous_connection_to_the_live_hub_is_refused()
    {
        await using var anonymous = Connect(null);
        await Should.ThrowAsync<Exception>(() => anonymous.StartAsync());
    }

    private HubConnection Connect(string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.Host.Server.BaseAddress, LiveHub.Path), options =>
            {
                options.HttpMessageHandlerFactory = _ => app.Host.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (token is not null) options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
}
