using Alba;
using HetInitiatief.Notifications;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Sessions;

public sealed class AfterwardsTests(AppFixture app, ClockedApp clocked) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task The_host_records_who_attended_and_only_they_give_feedback_once()
    {
        // Given a session in two hours with two members signed up, on an app whose clock the test moves
        var host = await clocked.Host.RegisterMemberAsync();
        var there = await clocked.Host.RegisterMemberAsync();
        var absent = await clocked.Host.RegisterMemberAsync();
        var starts = clocked.Clock.GetUtcNow().AddHours(2);
        var planned = await clocked.Host.ScheduleSessionAsync(host, SessionSteps.ASession(startsAt: starts,
            deadline: starts.AddHours(-1)));
        foreach (var m in new[] { there, absent }) await clocked.Host.SignUpAsync(m, planned.SessionId);

        // Attendance waits for the start
        await clocked.Host.RecordAttendanceAsync(host, planned.SessionId, [there.Id], status: 409);

        // When the session has begun, only the host records who was there, and only those signed up
        clocked.Clock.AdvanceTo(starts);
        await clocked.Host.RecordAttendanceAsync(there, planned.SessionId, [there.Id], status: 403);
        await clocked.Host.RecordAttendanceAsync(host, planned.SessionId, [host.Id], status: 400);
        await clocked.Host.RecordAttendanceAsync(host, planned.SessionId, [there.Id]);

        // Then only who attended gives feedback, with a rating of 1 to 5, once
        await clocked.Host.GiveFeedbackAsync(absent, planned.SessionId, 4, status: 403);
        var bad = await clocked.Host.GiveFeedbackAsync(there, planned.SessionId, 6, status: 400);
        (await bad.ProblemAsync()).Errors!.Keys.ShouldBe(["rating"]);
        await clocked.Host.GiveFeedbackAsync(there, planned.SessionId, 4);
        await clocked.Host.GiveFeedbackAsync(there, planned.SessionId, 5, status: 409);

        var view = await clocked.Host.GetSessionAsync(host, planned.SessionId);
        (view.FeedbackCount, view.AverageRating).ShouldBe((1, 4.0));
    }

    [Fact]
    public async Task The_host_moves_a_session_keeping_sign_ups_and_everyone_hears_it_or_calls_it_off()
    {
        var host = await app.Host.RegisterMemberAsync();
        var member = await app.Host.RegisterMemberAsync();
        var planned = await app.Host.ScheduleSessionAsync(host);
        await app.Host.SignUpAsync(member, planned.SessionId);
        var later = DateTimeOffset.UtcNow.AddDays(21);

        await app.Host.MoveSessionAsync(member, planned.SessionId, new MoveSession(later, later.AddHours(2), null),
            status: 403);
        await app.Host.MoveSessionAsync(host, planned.SessionId, new MoveSession(later, later.AddHours(2), null));

        var moved = await app.Host.GetSessionAsync(member, planned.SessionId);
        moved.StartsAt.ShouldBe(later, TimeSpan.FromMilliseconds(1));
        moved.Me.Status.ShouldBe(SignUpEndpoints.SignedUp);
        (await app.Host.GetsNotifiedAsync(member, NotificationKinds.SessionMoved)).ShouldBeTrue();

        await app.Host.CallOffAsync(host, planned.SessionId);
        (await app.Host.GetSessionAsync(member, planned.SessionId)).Status.ShouldBe(SessionStatus.CalledOff);
        (await app.Host.GetsNotifiedAsync(member, NotificationKinds.SessionCalledOff)).ShouldBeTrue();
    }

    [Fact]
    public async Task The_owner_records_the_goal_reached_and_a_success_story_that_is_celebrated()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var other = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        const string story = "Na zes weken geven we alle vier een woordenschatles waarin de woorden terugkomen.";

        await app.Host.RecordGoalOutcomeAsync(other, question.QuestionId, reached: true, status: 403);
        await app.Host.RecordGoalOutcomeAsync(owner, question.QuestionId, reached: true);
        await app.Host.ShareSuccessStoryAsync(owner, question.QuestionId, "Kort", status: 400);
        await app.Host.ShareSuccessStoryAsync(owner, question.QuestionId, story);

        var view = await app.Host.GetQuestionAsync(other, question.QuestionId);
        (view.GoalReached, view.Stories.Single().Text).ShouldBe((true, story));
        (await app.Host.SuccessStoriesAsync(other))
            .ShouldContain(s => s.QuestionId == question.QuestionId && s.Story == story);
        var home = await app.Host.Scenario(x => x.Get.Url("/"));
        (await home.ReadAsTextAsync()).ShouldContain("Successen");
    }
}
