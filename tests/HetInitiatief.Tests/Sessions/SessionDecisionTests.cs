using HetInitiatief.Live;
using HetInitiatief.Sessions;
using JasperFx.Events;

namespace HetInitiatief.Tests.Sessions;

public sealed class SessionDecisionTests
{
    private static readonly Guid Host = Guid.NewGuid();
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = Now.AddDays(7);

    private static Session Scheduled(int capacity = 2, int minimum = 1, Guid? coalition = null, DateTimeOffset? priorityUntil = null) =>
        Session.Create(new SessionScheduled(Id, Host, "Werkplaats feedback", "Na afloop kun je…", "werkplaats", "fysiek", Deadline.AddDays(1),
            Deadline.AddDays(1).AddHours(2), "De Regenboog", null, capacity, minimum, Deadline, "formatief-evalueren", coalition, priorityUntil, Now));

    [Fact]
    public void Sign_ups_take_seats_until_the_session_is_full_then_join_the_line()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var session = Scheduled().Apply(new MemberSignedUp(Id, a, Now)).Apply(new MemberSignedUp(Id, b, Now));

        SignUpEndpoints.DecideSignUp(session, false, c, Now).Events.ShouldBe([new MemberWaitlisted(Id, c, Now)]);
        SignUpEndpoints.DecideSignUp(session, false, a, Now).Events.ShouldBeEmpty();
    }

    [Fact]
    public void A_cancellation_gives_the_seat_to_the_first_in_line()
    {
        var (a, b, first, second) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var session = Scheduled().Apply(new MemberSignedUp(Id, a, Now)).Apply(new MemberSignedUp(Id, b, Now))
            .Apply(new MemberWaitlisted(Id, first, Now)).Apply(new MemberWaitlisted(Id, second, Now));

        SignUpEndpoints.DecideCancel(session, a, Now).Events.ShouldBe([new SignUpCancelled(Id, a, false, Now), new PromotedFromWaitlist(Id, first, Now)]);
        SignUpEndpoints.DecideCancel(session, second, Now).Events.ShouldBe([new SignUpCancelled(Id, second, true, Now)]);
        SignUpEndpoints.DecideCancel(session, Guid.NewGuid(), Now).Events.ShouldBeEmpty();
    }

    [Fact]
    public void During_the_priority_window_only_coalition_members_sign_up()
    {
        var session = Scheduled(coalition: Guid.NewGuid(), priorityUntil: Now.AddDays(2));

        SignUpEndpoints.DecideSignUp(session, false, Guid.NewGuid(), Now).Refusal!.Status.ShouldBe(403);
        SignUpEndpoints.DecideSignUp(session, true, Guid.NewGuid(), Now).Refusal.ShouldBeNull();
        SignUpEndpoints.DecideSignUp(session, false, Guid.NewGuid(), Now.AddDays(3)).Refusal.ShouldBeNull();
    }

    [Fact]
    public void No_sign_ups_after_the_deadline_or_for_a_called_off_session()
    {
        SignUpEndpoints.DecideSignUp(Scheduled(), false, Guid.NewGuid(), Deadline).Refusal!.Status.ShouldBe(409);
        var calledOff = Scheduled().Apply(new SessionCalledOff(Id, SessionCalledOff.CancelledByHost, 0, 1, Now));
        SignUpEndpoints.DecideSignUp(calledOff, false, Guid.NewGuid(), Now).Refusal!.Status.ShouldBe(409);
    }

    [Fact]
    public void At_the_deadline_the_minimum_decides_go_or_no_go()
    {
        var due = new DecideGoNoGo(Id, Deadline);
        var oneSignedUp = Scheduled(minimum: 2).Apply(new MemberSignedUp(Id, Guid.NewGuid(), Now));

        GoNoGo.Decide(oneSignedUp, due, Deadline).Events.ShouldBe([new SessionCalledOff(Id, SessionCalledOff.NotEnoughParticipants, 1, 2, Deadline)]);
        GoNoGo.Decide(oneSignedUp.Apply(new MemberSignedUp(Id, Guid.NewGuid(), Now)), due, Deadline).Events.ShouldBe([new SessionConfirmed(Id, 2, Deadline)]);
        GoNoGo.Decide(oneSignedUp, due, Deadline.AddSeconds(-1)).Events.ShouldBeEmpty();
    }

    [Fact]
    public void Scheduling_sets_the_go_no_go_at_the_deadline_and_a_move_sets_it_again_at_the_new_one()
    {
        var scheduled = new Event<SessionScheduled>(new SessionScheduled(Id, Host, "Werkplaats", "…", "werkplaats",
            "fysiek", Deadline.AddDays(1), Deadline.AddDays(1).AddHours(2), null, null, 10, 2, Deadline,
            "formatief-evalueren", null, null, Now));
        var later = Deadline.AddDays(3);
        var moved = new SessionMoved(Id, Host, later.AddDays(1), later.AddDays(1).AddHours(2), later, Now.AddDays(1));

        GoNoGo.DeadlinesSetBy(scheduled).ShouldBe([new Due(new DecideGoNoGo(Id, Deadline), Deadline)]);
        GoNoGo.DeadlinesSetBy(new Event<SessionMoved>(moved)).ShouldBe([new Due(new DecideGoNoGo(Id, later), later)]);
        // A deadline already past when the session moved is not set again: nobody can sign up before it any more.
        GoNoGo.DeadlinesSetBy(new Event<SessionMoved>(moved with { MovedAt = later.AddMinutes(1) })).ShouldBeEmpty();
        // The old go/no-go finds the deadline moved and decides nothing.
        var afterMove = Scheduled().Apply(moved);
        GoNoGo.Decide(afterMove, new DecideGoNoGo(Id, Deadline), Deadline).Events.ShouldBeEmpty();
    }

    [Fact]
    public void A_provider_led_session_asks_the_paid_entitlement_of_everyone_but_its_own_coalition()
    {
        var forCoalition = Scheduled(coalition: Guid.NewGuid()) with { ProviderLed = true };

        SignUpEndpoints.NeedsEntitlement(forCoalition, isCoalitionMember: true).ShouldBeFalse();
        SignUpEndpoints.NeedsEntitlement(forCoalition, isCoalitionMember: false).ShouldBeTrue();
        SignUpEndpoints.NeedsEntitlement(Scheduled(), isCoalitionMember: false).ShouldBeFalse();
        SignUpEndpoints.DecideSignUp(forCoalition, true, Guid.NewGuid(), Now, mayJoinProviderSessions: false)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<MemberSignedUp>();
        SignUpEndpoints.DecideSignUp(forCoalition, false, Guid.NewGuid(), Now, mayJoinProviderSessions: false)
            .Refusal!.Status.ShouldBe(403);
    }

    [Fact]
    public void A_plan_out_of_range_is_refused_by_field()
    {
        var plan = new ScheduleSession("Werkplaats feedback", "Na afloop…", "werkplaats", "fysiek", Now.AddDays(2), Now.AddDays(2).AddHours(2),
            "De Regenboog", null, 0, 5, Now.AddDays(1), "formatief-evalueren", null, null);

        ScheduleSessionEndpoint.CheckFields(plan, Now)!.Errors.Keys.ShouldBe(["capacity", "minimum"], ignoreOrder: true);
        ScheduleSessionEndpoint.CheckFields(plan with { Capacity = 10, Minimum = 11 }, Now)!.Errors.Keys.ShouldBe(["minimum"]);
        ScheduleSessionEndpoint.CheckFields(plan with { Capacity = 10, Minimum = 3 }, Now).ShouldBeNull();
    }

    [Fact]
    public void A_missing_moment_is_named_as_missing_never_as_an_end_before_the_start()
    {
        var plan = new ScheduleSession("Werkplaats feedback", "Na afloop…", "werkplaats", "fysiek", null, null,
            "De Regenboog", null, 10, 3, null, "formatief-evalueren", Guid.NewGuid(), Now.AddDays(1));

        var errors = ScheduleSessionEndpoint.CheckFields(plan, Now)!.Errors;

        errors.Keys.ShouldBe(["startsAt", "endsAt", "signUpDeadline"], ignoreOrder: true);
        errors["startsAt"].ShouldBe([ScheduleSessionEndpoint.MissingStart]);
        errors["endsAt"].ShouldBe([ScheduleSessionEndpoint.MissingEnd]);
        errors["signUpDeadline"].ShouldBe([ScheduleSessionEndpoint.MissingDeadline]);
        var endOnly = plan with { StartsAt = Now.AddDays(2), SignUpDeadline = Now.AddDays(1) };
        ScheduleSessionEndpoint.CheckFields(endOnly, Now)!.Errors["endsAt"].ShouldBe([ScheduleSessionEndpoint.MissingEnd]);
        ScheduleSessionEndpoint.CheckFields(endOnly with { EndsAt = Now.AddDays(2) }, Now)!.Errors["endsAt"].ShouldBe(["Het einde ligt na het begin."]);
    }

    [Fact]
    public void The_host_takes_no_seat_of_their_own_session()
    {
        var refused = SignUpEndpoints.DecideSignUp(Scheduled(), false, Host, Now).Refusal!;

        refused.Status.ShouldBe(409);
        refused.Detail.ShouldBe(SignUpEndpoints.HostSignsUp);
        SignUpEndpoints.DecideSignUp(Scheduled(), false, Guid.NewGuid(), Now).Events.ShouldHaveSingleItem().ShouldBeOfType<MemberSignedUp>();
    }
}
