namespace HetInitiatief.Tests.Infrastructure;

/// <summary>The tests' clock keeps its promises: moved forward it reads later, and what became due fires.</summary>
public sealed class TestClockTests
{
    [Fact]
    public void Moving_it_forward_moves_now_and_it_never_goes_back()
    {
        var clock = new TestClock();
        var before = clock.GetUtcNow();

        clock.Advance(TimeSpan.FromDays(3));

        (clock.GetUtcNow() - before).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromDays(3));
        Should.Throw<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public async Task A_delay_on_the_clock_ends_when_the_clock_passes_it_not_when_real_time_does()
    {
        var clock = new TestClock();
        var delay = Task.Delay(TimeSpan.FromHours(1), clock, TestContext.Current.CancellationToken);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        delay.IsCompleted.ShouldBeFalse();

        clock.Advance(TimeSpan.FromHours(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_timer_moved_later_waits_for_its_new_moment_and_a_disposed_one_never_fires()
    {
        var clock = new TestClock();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromMinutes(1),
            Timeout.InfiniteTimeSpan);
        timer.Change(TimeSpan.FromMinutes(10), Timeout.InfiniteTimeSpan);
        var gone = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromMinutes(1),
            Timeout.InfiniteTimeSpan);
        gone.Dispose();

        clock.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(100, TestContext.Current.CancellationToken);
        fired.ShouldBe(0);

        clock.Advance(TimeSpan.FromMinutes(5));
        (await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref fired) == 1))).ShouldBeTrue();
    }
}
