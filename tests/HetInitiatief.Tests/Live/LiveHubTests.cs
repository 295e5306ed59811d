using System.Threading.Channels;
using HetInitiatief.Coalitions;
using HetInitiatief.Live;
using HetInitiatief.Questions;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace HetInitiatief.Tests.Live;

public sealed class LiveHubTests(AppFixture app)
{
    [Fact]
    public async Task A_watcher_of_a_question_gets_its_follow_up_and_a_watcher_of_another_does_not()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var watched = await app.Host.PostQuestionAsync(owner);
        var other = await app.Host.PostQuestionAsync(owner);
        await using var watcher = await WatcherAsync(owner);
        await using var otherWatcher = await WatcherAsync(colleague);
        await watcher.Connection.InvokeAsync("WatchQuestion", watched.QuestionId);
        await otherWatcher.Connection.InvokeAsync("WatchQuestion", other.QuestionId);

        var followUp = await app.Host.AskFollowUpAsync(colleague, watched.QuestionId);

        var pushed = await watcher.NextAsync();
        pushed.ShouldBe(new QuestionChanged(watched.QuestionId, followUp.Version, "followUpAsked"));
        // Give a misrouted push every chance to arrive before concluding it did not.
        await app.Host.AskFollowUpAsync(colleague, other.QuestionId);
        (await otherWatcher.NextAsync()).QuestionId.ShouldBe(other.QuestionId);
        otherWatcher.Received.ShouldNotContain(c => c.QuestionId == watched.QuestionId);
    }

    [Fact]
    public async Task Board_watchers_see_a_new_question_posted()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var viewer = await app.Host.RegisterMemberAsync();
        await using var watcher = await WatcherAsync(viewer);
        await watcher.Connection.InvokeAsync("WatchBoard");

        var question = await app.Host.PostQuestionAsync(owner);

        (await watcher.NextAsync(c => c.QuestionId == question.QuestionId)).ShouldBe(new QuestionChanged(question.QuestionId, 1, "posted"));
    }

    [Fact]
    public async Task A_watcher_who_stopped_watching_gets_nothing_more()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var control = await app.Host.PostQuestionAsync(owner);
        await using var watcher = await WatcherAsync(owner);
        await watcher.Connection.InvokeAsync("WatchQuestion", question.QuestionId);
        await watcher.Connection.InvokeAsync("UnwatchQuestion", question.QuestionId);
        await watcher.Connection.InvokeAsync("WatchQuestion", control.QuestionId);

        await app.Host.AskFollowUpAsync(colleague, question.QuestionId);
        await app.Host.AskFollowUpAsync(colleague, control.QuestionId);

        // Pushes arrive in commit order, so once the control's has come the other would have too.
        (await watcher.NextAsync()).QuestionId.ShouldBe(control.QuestionId);
        watcher.Received.ShouldNotContain(c => c.QuestionId == question.QuestionId);
    }

    [Fact]
    public async Task Viewers_of_the_question_see_the_coalition_meter_move_and_viewers_of_another_do_not()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var member = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var other = await app.Host.PostQuestionAsync(owner);
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 3);
        await using var viewer = await WatcherAsync(owner);
        await using var otherViewer = await WatcherAsync(member);
        var meter = new TaskCompletionSource<CoalitionChanged>();
        var otherMeter = new System.Collections.Concurrent.ConcurrentBag<CoalitionChanged>();
        viewer.Connection.On<CoalitionChanged>("coalitionChanged", c => { if (c.Change == "joined") meter.TrySetResult(c); });
        otherViewer.Connection.On<CoalitionChanged>("coalitionChanged", otherMeter.Add);
        await viewer.Connection.InvokeAsync("WatchQuestion", question.QuestionId);
        await otherViewer.Connection.InvokeAsync("WatchQuestion", other.QuestionId);

        await app.Host.JoinAsync(member, formed.CoalitionId);

        (await meter.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(new CoalitionChanged(question.QuestionId, formed.CoalitionId, 2, "joined", 2, 3));
        await app.Host.AskFollowUpAsync(member, other.QuestionId);
        (await otherViewer.NextAsync()).QuestionId.ShouldBe(other.QuestionId);
        otherMeter.ShouldNotContain(c => c.QuestionId == question.QuestionId);
    }

    [Fact]
    public async Task A_notification_is_pushed_to_its_member_only()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var joiner = await app.Host.RegisterMemberAsync("Bram");
        var question = await app.Host.PostQuestionAsync(owner);
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 5);
        await using var ownerConnection = await WatcherAsync(owner);
        await using var joinerConnection = await WatcherAsync(joiner);
        var received = new TaskCompletionSource<HetInitiatief.Notifications.NotificationAdded>();
        var joinerReceived = new System.Collections.Concurrent.ConcurrentBag<HetInitiatief.Notifications.NotificationAdded>();
        // Only what is about this question: tests running beside this one may fill the last early-bird seat, and the
        // joint start is news for every early bird.
        bool AboutThis(HetInitiatief.Notifications.NotificationAdded n) => n.Link.Contains(question.QuestionId.ToString());
        ownerConnection.Connection.On<HetInitiatief.Notifications.NotificationAdded>("notificationAdded",
            n => { if (AboutThis(n)) received.TrySetResult(n); });
        joinerConnection.Connection.On<HetInitiatief.Notifications.NotificationAdded>("notificationAdded",
            n => { if (AboutThis(n)) joinerReceived.Add(n); });

        await app.Host.JoinAsync(joiner, formed.CoalitionId);

        var pushed = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        (pushed.MemberId, pushed.Kind).ShouldBe((owner.Id, "joinedMyCoalition"));
        pushed.Text.ShouldStartWith("Bram doet mee");
        joinerReceived.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_anonymous_client_is_refused_by_the_hub()
    {
        var connection = Connect(token: null);

        await Should.ThrowAsync<Exception>(() => connection.StartAsync());
        connection.State.ShouldBe(HubConnectionState.Disconnected);
    }

    [Fact]
    public async Task Watching_an_unknown_question_is_refused()
    {
        var member = await app.Host.RegisterMemberAsync();
        await using var watcher = await WatcherAsync(member);

        var error = await Should.ThrowAsync<HubException>(() => watcher.Connection.InvokeAsync("WatchQuestion", Guid.NewGuid()));
        error.Message.ShouldContain("bestaat niet");
    }

    private HubConnection Connect(string? token) =>
        app.Host.LiveConnection(token);

    private async Task<Watcher> WatcherAsync(TestMember member)
    {
        var watcher = new Watcher(Connect(member.Token));
        await watcher.Connection.StartAsync();
        return watcher;
    }

    private sealed class Watcher : IAsyncDisposable
    {
        private readonly Channel<QuestionChanged> _inbox = Channel.CreateUnbounded<QuestionChanged>();

        public Watcher(HubConnection connection)
        {
            Connection = connection;
            connection.On<QuestionChanged>(QuestionChanged.Method, change =>
            {
                Received.Add(change);
                _inbox.Writer.TryWrite(change);
            });
        }

        public HubConnection Connection { get; }

        public System.Collections.Concurrent.ConcurrentBag<QuestionChanged> Received { get; } = [];

        public async Task<QuestionChanged> NextAsync(Func<QuestionChanged, bool>? match = null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (true)
            {
                var change = await _inbox.Reader.ReadAsync(timeout.Token);
                if (match is null || match(change)) return change;
            }
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }
}
