namespace HetInitiatief.Tests.Infrastructure;

/// <summary>
/// The clock of a test's own host: real time plus however far the test moved it forward, so "the session has begun"
/// takes a call instead of seconds of waiting. It keeps running with real time rather than standing still because
/// Wolverine fires scheduled messages (deadlines) on the real clock and the handlers then ask this clock whether they
/// are due: a clock that stood still would make every deadline a no-op. Timers and <c>Task.Delay(…, clock)</c> fire
/// at their due moment on this clock, so moving it forward fires what became due.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ClockTimer> _timers = [];
    private TimeSpan _ahead;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return System.GetUtcNow() + _ahead;
    }

    /// <summary>Moves the clock forward; timers that became due fire at once.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        ClockTimer[] timers;
        lock (_gate)
        {
            _ahead += by;
            timers = [.. _timers];
        }
        foreach (var timer in timers) timer.Rearm();
    }

    /// <summary>Moves the clock to a moment (and a hair past it), unless it has passed already.</summary>
    public void AdvanceTo(DateTimeOffset moment)
    {
        var left = moment - GetUtcNow();
        if (left >= TimeSpan.Zero) Advance(left + TimeSpan.FromMilliseconds(1));
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ClockTimer(this, callback, state);
        lock (_gate) _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Forget(ClockTimer timer)
    {
        lock (_gate) _timers.Remove(timer);
    }

    /// <summary>
    /// A real timer armed for the time left until its due moment on the test clock; re-armed when the clock moves,
    /// so a jump forward fires it at once and real time passing fires it as usual.
    /// </summary>
    private sealed class ClockTimer : ITimer
    {
        private readonly Lock _gate = new();
        private readonly TestClock _clock;
        private readonly ITimer _inner;
        private DateTimeOffset? _due;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public ClockTimer(TestClock clock, TimerCallback callback, object? state)
        {
            _clock = clock;
            _inner = System.CreateTimer(_ => Fire(callback, state), null, Timeout.InfiniteTimeSpan,
                Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                _due = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.GetUtcNow() + dueTime;
                _period = period;
                ArmLocked();
            }
            return true;
        }

        public void Rearm()
        {
            lock (_gate) ArmLocked();
        }

        private void ArmLocked()
        {
            if (_due is not { } due)
            {
                _inner.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                return;
            }
            var left = due - _clock.GetUtcNow();
            _inner.Change(left > TimeSpan.Zero ? left : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        private void Fire(TimerCallback callback, object? state)
        {
            lock (_gate)
            {
                // A timer re-armed for later after the real one was already queued to run waits for its new moment.
                if (_due is not { } due || due > _clock.GetUtcNow()) return;
                _due = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : due + _period;
                ArmLocked();
            }
            callback(state);
        }

        public void Dispose()
        {
            _clock.Forget(this);
            _inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
