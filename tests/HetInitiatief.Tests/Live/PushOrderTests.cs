using HetInitiatief.Coalitions;
using HetInitiatief.Live;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace HetInitiatief.Tests.Live;

/// <summary>
/// Pushes keep commit order per stream: an outside client once saw a coalition meter go 82 → 81 and seat counts
/// arrive 17, 19, 18, 20, because the after-commit listeners of two commits race to the push queue.
/// </summary>
public sealed class PushOrderTests(AppFixture app)
{
    private const int AtOnce = 100;
    private const int Rounds = 3;

    [Fact]
    public async Task A_watcher_sees_a_coalition_meter_only_move_forward_while_a_hundred_join_at_once()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var members = await app.Host.RegisterMembersAsync(AtOnce);
        await using var watcher = await WatcherAsync(owner);
        for (var round = 0; round < Rounds; round++)
        {
            var question = await app.Host.PostQuestionAsync(owner);
            var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 40);
            var meters = watcher.Record<CoalitionChanged>(CoalitionChanged.Method, c => c.CoalitionId == formed.CoalitionId);
            await watcher.Connection.InvokeAsync("WatchQuestion", question.QuestionId);

            await Task.WhenAll(members.Select(m => app.Host.JoinAsync(m, formed.CoalitionId)));
            await watcher.SettledAsync(question.QuestionId);

            var seen = meters.Seen();
            seen.ShouldNotBeEmpty();
            seen.Select(c => c.Version).ShouldBeInOrder(SortDirection.Ascending);
            seen.Select(c => c.Version).ShouldBeUnique();
            var final = await app.Host.GetCoalitionAsync(owner, question.QuestionId);
            seen[^1].Partners.ShouldBe(AtOnce + 1);
            seen[^1].Partners.ShouldBe(final.Partners);
            await watcher.Connection.InvokeAsync("UnwatchQuestion", question.QuestionId);
        }
    }

    [Fact]
    public async Task A_watcher_sees_a_session_fill_up_in_order_while_a_hundred_sign_up_at_once()
    {
        var host = await app.Host.RegisterMemberAsync();
        var members = await app.Host.RegisterMembersAsync(AtOnce);
        await using var watcher = await WatcherAsync(host);
        var question = await app.Host.PostQuestionAsync(host);
        await watcher.Connection.InvokeAsync("WatchQuestion", question.QuestionId);
        for (var round = 0; round < Rounds; round++)
        {
            var planned = await app.Host.ScheduleSessionAsync(host, SessionSteps.ASession(capacity: 30));
            var seats = watcher.Record<SessionChanged>(SessionChanged.Method, s => s.SessionId == planned.SessionId);
            await watcher.Connection.InvokeAsync("WatchSession", planned.SessionId);

            await Task.WhenAll(members.Select(m => app.Host.SignUpAsync(m, planned.SessionId)));
            await watcher.SettledAsync(question.QuestionId);

            var seen = seats.Seen();
            seen.ShouldNotBeEmpty();
            seen.Select(s => s.Version).ShouldBeInOrder(SortDirection.Ascending);
            seen.Select(s => s.Version).ShouldBeUnique();
            // Seats only fill: in commit order, neither count ever goes back.
            seen.Select(s => s.Participants + s.Waiting).ShouldBeInOrder(SortDirection.Ascending);
            (seen[^1].Participants, seen[^1].Waiting).ShouldBe((30, AtOnce - 30));
        }
    }

    private async Task<Watcher> WatcherAsync(TestMember member)
    {
        var connection = app.Host.LiveConnection(member.Token);
        var watcher = new Watcher(app, connection);
        await connection.StartAsync();
        return watcher;
    }

    private sealed class Watcher : IAsyncDisposable
    {
        private readonly AppFixture _app;
        private readonly System.Threading.Channels.Channel<QuestionChanged> _questions =
            System.Threading.Channels.Channel.CreateUnbounded<QuestionChanged>();

        public Watcher(AppFixture app, HubConnection connection)
        {
            _app = app;
            Connection = connection;
            connection.On<QuestionChanged>(QuestionChanged.Method, change => _questions.Writer.TryWrite(change));
        }

        public HubConnection Connection { get; }

        public Recording<T> Record<T>(string method, Func<T, bool> about)
        {
            var recording = new Recording<T>();
            Connection.On<T>(method, pushed => { if (about(pushed)) recording.Add(pushed); });
            return recording;
        }

        /// <summary>
        /// Every write above has returned, so its push is on the sequential queue; a follow-up asked now is pushed
        /// after all of them, so once it has arrived, so has everything that was ever going to.
        /// </summary>
        public async Task SettledAsync(Guid watchedQuestion)
        {
            var asker = await _app.Host.RegisterMemberAsync();
            var sentinel = await _app.Host.AskFollowUpAsync(asker, watchedQuestion);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while ((await _questions.Reader.ReadAsync(timeout.Token)).Version < sentinel.Version)
            {
            }
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    /// <summary>What one connection received, in the order it received it.</summary>
    private sealed class Recording<T>
    {
        private readonly List<T> _seen = [];
        private readonly Lock _gate = new();

        public void Add(T pushed)
        {
            lock (_gate) _seen.Add(pushed);
        }

        public IReadOnlyList<T> Seen()
        {
            lock (_gate) return [.. _seen];
        }
    }
}
