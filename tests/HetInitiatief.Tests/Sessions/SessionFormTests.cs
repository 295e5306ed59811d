using HetInitiatief.Infrastructure;
using HetInitiatief.Sessions;

namespace HetInitiatief.Tests.Sessions;

public sealed class SessionFormTests
{
    private static readonly DateOnly Day = new(2026, 12, 2);
    private static readonly TimeOnly From = new(15, 30);
    private static readonly TimeOnly Until = new(17, 0);

    private static SessionForm Form(DateOnly? day = null, TimeOnly? from = null, TimeOnly? until = null, DateOnly? deadlineDay = null) =>
        new(day, from, until, deadlineDay, SessionForm.NewSessionFields);

    private static Problem Refused(params (string Field, string Reason)[] errors) =>
        Problem.Invalid(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray()));

    [Fact]
    public void An_empty_date_or_time_is_told_at_its_own_field_and_nothing_else_about_the_moment()
    {
        var problem = Refused(("startsAt", ScheduleSessionEndpoint.MissingStart), ("endsAt", ScheduleSessionEndpoint.MissingEnd),
            ("signUpDeadline", ScheduleSessionEndpoint.MissingDeadline));

        Form(from: From, until: Until).Errors(problem).ShouldBe(
            [("Day", SessionForm.MissingDay), ("DeadlineDay", SessionForm.MissingDeadlineDay)]);
        var timesMissing = Refused(("startsAt", ScheduleSessionEndpoint.MissingStart), ("endsAt", ScheduleSessionEndpoint.MissingEnd));
        Form(day: Day, deadlineDay: Day).Errors(timesMissing).ShouldBe([("From", SessionForm.MissingFrom), ("Until", SessionForm.MissingUntil)]);
    }

    [Fact]
    public void Every_reason_the_decision_gives_lands_on_a_field_of_the_form_in_form_order()
    {
        var problem = Refused(("theme", "Kies een bekend thema."), ("endsAt", "Het einde ligt na het begin."),
            ("startsAt", "Kies een begin in de toekomst."), ("meetingLink", "Vul een geldige link in."),
            ("signUpDeadline", "De aanmeldtermijn sluit vóór het begin."), ("priorityUntil", "De voorrang eindigt uiterlijk bij de aanmeldtermijn."),
            ("coalitionId", "Deze coalitie bestaat niet."), ("title", "Vul een titel in."));

        var errors = Form(Day, From, Until, Day).Errors(problem);

        errors.Select(e => e.Field).ShouldBe(["", "Title", "Day", "Until", "MeetingLink", "DeadlineDay", "DeadlineDay", "Theme"]);
        errors.ShouldContain(("Until", "Het einde ligt na het begin."));
        errors.ShouldContain(("", "Deze coalitie bestaat niet."));
    }

    [Fact]
    public void Moving_a_session_names_the_day_and_times_of_the_move_form()
    {
        var problem = Refused(("startsAt", ScheduleSessionEndpoint.MissingStart), ("endsAt", ScheduleSessionEndpoint.MissingEnd));

        new SessionForm(null, From, Until, null, SessionForm.MoveFields).Errors(problem).ShouldBe([("Day", SessionForm.MissingDay)]);
        new SessionForm(Day, From, Until, null, SessionForm.MoveFields).Errors(Problem.Forbidden("Alleen de organisator kan dat."))
            .ShouldBe([("", "Alleen de organisator kan dat.")]);
    }
}
