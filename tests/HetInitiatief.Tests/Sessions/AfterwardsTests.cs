using Alba;
using HetInitiatief.Notifications;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Sessions;

public sealed class AfterwardsTests(AppFixture app)
{
    [Fact]
    public async Task The_host_records_who_attended_and_only_they_give_feedback_once()
    {
        var host = await app.Host.RegisterMemberAsync();
        var there = await app.Host.RegisterMemberAsync();
        var absent = await app.Host.RegisterMemberAsync();
        var starts = DateTimeOffset.UtcNow.AddSeconds(6);
        var plan = new
        {
            title = "Intervisie over feedback", description = "Na afloop heb je een plan voor je les.", type = "intervisie", format = "fysiek",
            startsAt = starts, endsAt = starts.AddHours(1), location = "Lokaal 12", capacity = 10, minimum = 1,
            signUpDeadline = starts.AddSeconds(-1), theme = "formatief-evalueren",
        };
        var planned = await app.Host.ScheduleSessionAsync(host, plan);
        foreach (var m in new[] { there, absent })
            await app.Host.SignUpAsync(m, planned.SessionId);
        var attendance = $"/api/sessions/{planned.SessionId}/attendance";
        await app.Host.Scenario(x => { x.Put.Json(new { attended = new[] { there.Id } }).ToUrl(attendance); x.As(host); x.StatusCodeShouldBe(409); });
        await Eventually.PassedAsync(starts.AddMilliseconds(300));

        await app.Host.Scenario(x => { x.Put.Json(new { attended = new[] { there.Id } }).ToUrl(attendance); x.As(there); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Put.Json(new { attended = new[] { host.Id } }).ToUrl(attendance); x.As(host); x.StatusCodeShouldBe(400); });
        await app.Host.Scenario(x => { x.Put.Json(new { attended = new[] { there.Id } }).ToUrl(attendance); x.As(host); });

        var feedback = $"/api/sessions/{planned.SessionId}/feedback";
        object Feedback(int rating) => new { rating, changeInPractice = "Ik laat leerlingen eerst zelf nakijken." };
        await app.Host.Scenario(x => { x.Post.Json(Feedback(4)).ToUrl(feedback); x.As(absent); x.StatusCodeShouldBe(403); });
        var bad = await app.Host.Scenario(x => { x.Post.Json(Feedback(6)).ToUrl(feedback); x.As(there); x.StatusCodeShouldBe(400); });
        (await bad.ProblemAsync()).Errors!.Keys.ShouldBe(["rating"]);
        await app.Host.Scenario(x => { x.Post.Json(Feedback(4)).ToUrl(feedback); x.As(there); x.StatusCodeShouldBe(201); });
        await app.Host.Scenario(x => { x.Post.Json(Feedback(5)).ToUrl(feedback); x.As(there); x.StatusCodeShouldBe(409); });

        var view = await app.Host.GetSessionAsync(host, planned.SessionId);
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

        await app.Host.Scenario(x => { x.Put.Json(new { startsAt = later, endsAt = later.AddHours(2) }).ToUrl($"/api/sessions/{planned.SessionId}/schedule"); x.As(member); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Put.Json(new { startsAt = later, endsAt = later.AddHours(2) }).ToUrl($"/api/sessions/{planned.SessionId}/schedule"); x.As(host); });

        var moved = await app.Host.GetSessionAsync(member, planned.SessionId);
        moved.StartsAt.ShouldBe(later, TimeSpan.FromMilliseconds(1));
        moved.Me.Status.ShouldBe(SignUpEndpoints.SignedUp);
        (await app.Host.GetsNotifiedAsync(member, NotificationKinds.SessionMoved)).ShouldBeTrue();

        await app.Host.Scenario(x => { x.Post.Url($"/api/sessions/{planned.SessionId}/cancel"); x.As(host); });
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

        await app.Host.Scenario(x => { x.Put.Json(new { reached = true }).ToUrl($"/api/questions/{question.QuestionId}/goal-outcome"); x.As(other); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Put.Json(new { reached = true }).ToUrl($"/api/questions/{question.QuestionId}/goal-outcome"); x.As(owner); });
        await app.Host.Scenario(x => { x.Post.Json(new { story = "Kort" }).ToUrl($"/api/questions/{question.QuestionId}/success-stories"); x.As(owner); x.StatusCodeShouldBe(400); });
        await app.Host.Scenario(x => { x.Post.Json(new { story }).ToUrl($"/api/questions/{question.QuestionId}/success-stories"); x.As(owner); x.StatusCodeShouldBe(201); });

        var view = await app.Host.GetQuestionAsync(other, question.QuestionId);
        (view.GoalReached, view.Stories.Single().Text).ShouldBe((true, story));
        var latest = await app.Host.Scenario(x => { x.Get.Url("/api/success-stories"); x.As(other); });
        (await latest.ReadAsJsonAsync<List<SuccessStoryView>>())!.ShouldContain(s => s.QuestionId == question.QuestionId && s.Story == story);
        var home = await app.Host.Scenario(x => x.Get.Url("/"));
        (await home.ReadAsTextAsync()).ShouldContain("Successen");
    }
}
