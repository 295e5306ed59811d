using HetInitiatief.Live;

namespace HetInitiatief.Tests.Live;

public sealed class PushOrderRuleTests
{
    [Fact]
    public void A_push_is_sent_only_when_it_is_newer_than_every_push_sent_for_its_stream()
    {
        var order = new PushOrder();
        var coalition = Guid.NewGuid();
        var session = Guid.NewGuid();

        order.Advance(new(coalition, 83)).ShouldBeTrue();
        order.Advance(new(coalition, 82)).ShouldBeFalse();
        order.Advance(new(coalition, 83)).ShouldBeFalse();
        order.Advance(new(session, 19)).ShouldBeTrue();
        order.Advance(new(session, 18)).ShouldBeFalse();
        order.Advance(new(coalition, 84)).ShouldBeTrue();
        order.Advance(new(session, 20)).ShouldBeTrue();
    }

    [Fact]
    public void Beyond_its_capacity_it_forgets_the_stream_pushed_least_recently_and_keeps_the_busy_one()
    {
        var order = new PushOrder();
        var busy = Guid.NewGuid();
        var first = Guid.NewGuid();
        order.Advance(new(first, 5)).ShouldBeTrue();
        order.Advance(new(busy, 1)).ShouldBeTrue();

        for (var i = 0; i < PushOrder.Capacity - 1; i++)
        {
            order.Advance(new(Guid.NewGuid(), 1));
            if (i % 1000 == 0) order.Advance(new(busy, i + 2)).ShouldBeTrue();
        }

        order.Advance(new(busy, 1)).ShouldBeFalse();
        order.Advance(new(first, 4)).ShouldBeTrue();
    }
}
