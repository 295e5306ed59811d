using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using HetInitiatief.Sessions;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Sessions;

public sealed class SignUpTests(AppFixture app)
{
    [Fact]
    public async Task Two_hundred_members_sign_up_at_once_for_twenty_seats_then_five_cancel()
    {
        var host = await app.Host.RegisterMemberAsync();
        var members = await app.Host.RegisterMembersAsync(200);
        var planned = await app.Host.ScheduleSessionAsync(host, SessionSteps.ASession(capacity: 20));

        var answers = await Task.WhenAll(members.Select(async m =>
        {
            var result = await app.Host.SignUpAsync(m, planned.SessionId, status: null);
            return (Member: m, Status: result.Context.Response.StatusCode, Body: result.Context.Response.StatusCode == 201 ? await result.ReadAsJsonAsync<SignUpStatus>() : null);
        }));

        answers.ShouldAllBe(a => a.Status == 201);
        answers.Count(a => a.Body!.Status == SignUpEndpoints.SignedUp).ShouldBe(20);
        answers.Where(a => a.Body!.Status == SignUpEndpoints.Waiting).Select(a => a.Body!.WaitlistPosition!.Value).Order().ShouldBe(Enumerable.Range(1, 180));
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(planned.SessionId);
        var line = events.Select(e => e.Data).OfType<MemberWaitlisted>().Select(w => w.MemberId).ToList();
        answers.Where(a => a.Body!.Status == SignUpEndpoints.Waiting).OrderBy(a => a.Body!.WaitlistPosition).Select(a => a.Member.Id).ShouldBe(line);

        var leaving = answers.Where(a => a.Body!.Status == SignUpEndpoints.SignedUp).Take(5).ToList();
        foreach (var a in leaving)
            await app.Host.CancelSignUpAsync(a.Member, planned.SessionId);

        var after = await session.LoadAsync<Session>(planned.SessionId);
        after!.Participants.Count.ShouldBe(20);
        after.Participants.ShouldContain(line[0]);
        line.Take(5).ShouldAllBe(id => after.Participants.Contains(id));
        after.Waitlist.ShouldBe(line.Skip(5));
        var replayed = await session.Events.AggregateStreamAsync<Session>(planned.SessionId);
        replayed!.Participants.ShouldBe(after.Participants);
        replayed.Waitlist.ShouldBe(after.Waitlist);
    }

    [Fact]
    public async Task Signing_up_twice_changes_nothing_and_the_meeting_link_is_for_participants_only()
    {
        var host = await app.Host.RegisterMemberAsync();
        var member = await app.Host.RegisterMemberAsync();
        var outsider = await app.Host.RegisterMemberAsync();
        var planned = await app.Host.ScheduleSessionAsync(host, SessionSteps.ASession(meetingLink: "https://meet.example/geheim-123"));

        await app.Host.SignUpAsync(member, planned.SessionId);
        var twice = await app.Host.SignUpAsync(member, planned.SessionId, status: 200);
        (await twice.ReadAsJsonAsync<SignUpStatus>())!.Changed.ShouldBeFalse();

        (await app.Host.GetSessionAsync(member, planned.SessionId)).MeetingLink.ShouldBe("https://meet.example/geheim-123");
        (await app.Host.GetSessionAsync(outsider, planned.SessionId)).MeetingLink.ShouldBeNull();
        JsonSerializer.Serialize(await app.Host.AgendaAsync(outsider,
            "?theme=formatief-evalueren")).ShouldNotContain("geheim-123");
        var ics = await app.Host.CalendarFileAsync(outsider, planned.SessionId);
        ics.ShouldContain("BEGIN:VEVENT");
        ics.ShouldContain("SUMMARY:Werkplaats: feedback die leerlingen gebruiken");
        ics.ShouldNotContain("geheim-123");
        (await app.Host.CalendarFileAsync(member, planned.SessionId)).ShouldContain("geheim-123");
    }

    [Fact]
    public async Task Only_coalition_members_sign_up_during_the_priority_window()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var partner = await app.Host.RegisterMemberAsync();
        var outsider = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var formed = await app.Host.FormCoalitionAsync(owner, question.QuestionId, threshold: 3);
        await app.Host.JoinAsync(partner, formed.CoalitionId);
        await app.Host.JoinAsync(await app.Host.RegisterMemberAsync(), formed.CoalitionId);
        await app.Host.AnAcceptedOfferAsync(owner, owner, formed.CoalitionId);
        var planned = await app.Host.ScheduleSessionAsync(owner, SessionSteps.ASession(coalitionId: formed.CoalitionId, priorityUntil: DateTimeOffset.UtcNow.AddDays(3)));

        await app.Host.SignUpAsync(outsider, planned.SessionId, status: 403);
        await app.Host.SignUpAsync(partner, planned.SessionId);
    }

    [Fact]
    public async Task The_agenda_filters_by_the_sector_of_the_coalition_question_or_else_the_host()
    {
        var voHost = await app.Host.RegisterMemberAsync(sector: "vo");
        var planned = await app.Host.ScheduleSessionAsync(voHost);

        (await app.Host.AgendaAsync(voHost,
            "?sector=vo&theme=formatief-evalueren")).Select(s => s.Id).ShouldContain(planned.SessionId);
        (await app.Host.AgendaAsync(voHost,
            "?sector=hbo&theme=formatief-evalueren")).Select(s => s.Id).ShouldNotContain(planned.SessionId);
        await app.Host.Scenario(x => { x.Get.Url("/api/sessions?sector=wo"); x.As(voHost); x.StatusCodeShouldBe(400); });
    }

    [Fact]
    public async Task The_go_ahead_survives_the_instance_that_scheduled_it_stopping()
    {
        var host = await app.Host.RegisterMemberAsync();
        var member = await app.Host.RegisterMemberAsync();
        Guid sessionId;
        await using (var other = await WebServer.StartAsync(app.ConnectionString))
        {
            using var http = new HttpClient { BaseAddress = other.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new("Bearer", host.Token);
            var response = await http.PostAsJsonAsync("/api/sessions", SessionSteps.ASession(minimum: 1, deadline: DateTimeOffset.UtcNow.AddSeconds(6)));
            sessionId = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<SessionWritten>())!.SessionId;
            http.DefaultRequestHeaders.Authorization = new("Bearer", member.Token);
            (await http.PostAsync($"/api/sessions/{sessionId}/sign-ups", null)).EnsureSuccessStatusCode();
        }

        (await Eventually.TrueAsync(async () => (await app.Host.GetSessionAsync(member, sessionId)).Status == SessionStatus.Confirmed)).ShouldBeTrue();
    }

    [Fact]
    public async Task Bad_plans_unknown_sessions_and_late_sign_ups_are_refused()
    {
        var host = await app.Host.RegisterMemberAsync();
        var bad = await app.Host.Scenario(x => { x.Post.Json(SessionSteps.ASession(capacity: 0)).ToUrl("/api/sessions"); x.As(host); x.StatusCodeShouldBe(400); });
        (await bad.ProblemAsync()).Errors!.Keys.ShouldBe(["capacity", "minimum"], ignoreOrder: true);
        await app.Host.SignUpAsync(host, Guid.NewGuid(), 404);
    }

    [Fact]
    public async Task At_the_deadline_a_session_goes_ahead_with_its_minimum_and_is_called_off_without()
    {
        var host = await app.Host.RegisterMemberAsync();
        var member = await app.Host.RegisterMemberAsync();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(6);
        var goes = await app.Host.ScheduleSessionAsync(host, SessionSteps.ASession(minimum: 1, deadline: deadline));
        var fails = await app.Host.ScheduleSessionAsync(host, SessionSteps.ASession(minimum: 2, deadline: deadline));
        await app.Host.SignUpAsync(member, goes.SessionId);
        await app.Host.SignUpAsync(member, fails.SessionId);

        (await Eventually.TrueAsync(async () => (await app.Host.GetSessionAsync(member, goes.SessionId)).Status == SessionStatus.Confirmed)).ShouldBeTrue();
        (await Eventually.TrueAsync(async () => (await app.Host.GetSessionAsync(member, fails.SessionId)).Status == SessionStatus.CalledOff)).ShouldBeTrue();
        var late = await app.Host.RegisterMemberAsync();
        await app.Host.SignUpAsync(late, fails.SessionId, 409);
    }

    [Fact]
    public async Task A_session_moved_to_an_earlier_deadline_is_decided_at_the_new_one()
    {
        var host = await app.Host.RegisterMemberAsync();
        var planned = await app.Host.ScheduleSessionAsync(host, SessionSteps.ASession(minimum: 1,
            deadline: DateTimeOffset.UtcNow.AddDays(2)));
        var startsAt = DateTimeOffset.UtcNow.AddDays(3);

        await app.Host.MoveSessionAsync(host, planned.SessionId,
            new MoveSession(startsAt, startsAt.AddHours(2), DateTimeOffset.UtcNow.AddSeconds(4)));

        // Nobody signed up, so at the new deadline the session is called off — two days before the old one.
        (await Eventually.TrueAsync(async () =>
            (await app.Host.GetSessionAsync(host, planned.SessionId)).Status == SessionStatus.CalledOff)).ShouldBeTrue();
    }

    [Fact]
    public async Task The_host_is_refused_a_seat_of_their_own_session_and_sees_no_sign_up_button()
    {
        var host = await app.Host.RegisterMemberAsync();
        var planned = await app.Host.ScheduleSessionAsync(host);

        var refused = await app.Host.SignUpAsync(host, planned.SessionId, 409);

        (await refused.ProblemAsync()).Detail.ShouldBe(SignUpEndpoints.HostSignsUp);
        (await app.Host.GetSessionAsync(host, planned.SessionId)).Participants.ShouldBe(0);
        var page = await (await app.Host.Scenario(x => { x.Get.Url($"/bijeenkomsten/{planned.SessionId}"); x.As(host); })).ReadAsTextAsync();
        page.ShouldContain("Je organiseert deze bijeenkomst.");
        page.ShouldNotContain("Meld je aan");
    }
}
