using HetInitiatief.Coalitions;
using HetInitiatief.Live;
using JasperFx.Events;

namespace HetInitiatief.Tests.Coalitions;

public sealed class ClosingDateDecisionTests
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closes = Now.AddDays(5);

    private static Coalition Formed() => Coalition.Create(new CoalitionFormed(Id, Guid.NewGuid(), Owner, 3, Closes, "Samen", Now));

    [Fact]
    public void A_closing_date_schedules_a_reminder_48_hours_before_and_the_close_itself()
    {
        ClosingDate.Deadlines(Id, Closes, Now).ShouldBe([
            new Due(new RemindCoalitionClosing(Id, Closes), Closes.AddHours(-48)),
            new Due(new CloseCoalitionIfNotViable(Id, Closes), Closes),
        ]);
        ClosingDate.Deadlines(Id, Now.AddHours(10), Now).Select(d => d.Message).ShouldBe([new CloseCoalitionIfNotViable(Id, Now.AddHours(10))]);
        ClosingDate.Deadlines(Id, null, Now).ShouldBeEmpty();
    }

    [Fact]
    public void At_the_closing_date_an_unfinished_coalition_closes()
    {
        ClosingDate.DecideClose(Formed(), new CloseCoalitionIfNotViable(Id, Closes), Closes).Events
            .ShouldBe([new CoalitionClosed(Id, CoalitionClosed.NotViable, 1, 3, Closes)]);
    }

    [Fact]
    public void A_coalition_that_reached_its_threshold_or_moved_its_date_stays_open()
    {
        var reached = Formed().Apply(new CoalitionThresholdReached(Id, 3, 3, Now));
        var extended = Formed().Apply(new CoalitionClosingDateExtended(Id, Owner, Closes.AddDays(3), Now));

        ClosingDate.DecideClose(reached, new CloseCoalitionIfNotViable(Id, Closes), Closes).Events.ShouldBeEmpty();
        ClosingDate.DecideClose(extended, new CloseCoalitionIfNotViable(Id, Closes), Closes).Events.ShouldBeEmpty();
        ClosingDate.DecideClose(Formed(), new CloseCoalitionIfNotViable(Id, Closes), Closes.AddSeconds(-1)).Events.ShouldBeEmpty();
    }

    [Fact]
    public void Only_the_initiator_extends_and_only_to_a_later_date_before_it_passes()
    {
        var later = new ExtendClosingDate(Closes.AddDays(2));

        ClosingDate.DecideExtend(Formed(), later, Guid.NewGuid(), Now).Refusal!.Status.ShouldBe(403);
        ClosingDate.DecideExtend(Formed(), new ExtendClosingDate(Closes.AddDays(-1)), Owner, Now).Refusal!.Status.ShouldBe(400);
        ClosingDate.DecideExtend(Formed(), later, Owner, Closes.AddMinutes(1)).Refusal!.Status.ShouldBe(409);
        var accepted = ClosingDate.DecideExtend(Formed(), later, Owner, Now);
        accepted.Events.ShouldBe([new CoalitionClosingDateExtended(Id, Owner, Closes.AddDays(2), Now)]);
    }

    [Fact]
    public void Forming_with_a_date_and_moving_it_set_the_deadlines_and_nothing_else_does()
    {
        var formed = new CoalitionFormed(Id, Guid.NewGuid(), Owner, 3, Closes, "Samen", Now);
        var extended = new CoalitionClosingDateExtended(Id, Owner, Closes.AddDays(2), Now.AddDays(1));

        ClosingDate.DeadlinesSetBy(new Event<CoalitionFormed>(formed)).Select(d => d.At)
            .ShouldBe([Closes.AddHours(-48), Closes]);
        ClosingDate.DeadlinesSetBy(new Event<CoalitionClosingDateExtended>(extended)).Select(d => d.At)
            .ShouldBe([Closes.AddDays(2).AddHours(-48), Closes.AddDays(2)]);
        ClosingDate.DeadlinesSetBy(new Event<CoalitionFormed>(formed with { ClosesAt = null })).ShouldBeEmpty();
        ClosingDate.DeadlinesSetBy(new Event<MemberJoinedCoalition>(new(Id, Guid.NewGuid(), "", "", Now)))
            .ShouldBeEmpty();
    }
}
