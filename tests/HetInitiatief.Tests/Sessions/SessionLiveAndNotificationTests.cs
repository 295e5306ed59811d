using Alba;
using HetInitiatief.Live;
using HetInitiatief.Notifications;
using HetInitiatief.Sessions;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace HetInitiatief.Tests.Sessions;

public sealed class SessionLiveAndNotificationTests(AppFixture app)
{
    [Fact]
    public async Task Viewers_of_a_session_see_the_seat_count_move_and_viewers_of_another_do_not()
    {
        var host = await app.Host.RegisterMemberAsync();
        var member = await app.Host.RegisterMemberAsync();
        var watched = await app.Host.ScheduleSessionAsync(host, SessionSteps.ASession(capacity: 5));
        var other = await app.Host.ScheduleSessionAsync(host, SessionSteps.ASession(capacity: 5));
        await using var viewer = Connect(host);
        await using var otherViewer = Connect(member);
        var seats = new TaskCompletionSource<SessionChanged>();
        var misrouted = new System.Collections.Concurrent.ConcurrentBag<SessionChanged>();
        viewer.On<SessionChanged>("sessionChanged", c => { if (c.Change == "signedUp") seats.TrySetResult(c); });
        otherViewer.On<SessionChanged>("sessionChanged", c => { if (c.SessionId == watched.SessionId) misrouted.Add(c); });
        await viewer.StartAsync();
        await otherViewer.StartAsync();
        await viewer.InvokeAsync("WatchSession", watched.SessionId);
        await otherViewer.InvokeAsync("WatchSession", other.SessionId);

        await app.Host.SignUpAsync(member, watched.SessionId);

        (await seats.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(new SessionChanged(watched.SessionId, 2, "signedUp", 1, 5, 0));
        await app.Host.SignUpAsync(member, other.SessionId);
        misrouted.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_first_in_line_is_told_when_a_seat_comes_free()
    {
        var host = await app.Host.RegisterMemberAsync();
        var seated = await app.Host.RegisterMemberAsync();
        var waiting = await app.Host.RegisterMemberAsync();
        var planned = await app.Host.ScheduleSessionAsync(host, SessionSteps.ASession(capacity: 1));
        await app.Host.SignUpAsync(seated, planned.SessionId);
        var line = await app.Host.SignUpAsync(waiting, planned.SessionId);
        (await line.ReadAsJsonAsync<SignUpStatus>())!.WaitlistPosition.ShouldBe(1);

        await app.Host.CancelSignUpAsync(seated, planned.SessionId);

        (await app.Host.GetsNotifiedAsync(waiting, NotificationKinds.Promoted)).ShouldBeTrue();
        (await app.Host.GetSessionAsync(waiting, planned.SessionId)).Me.Status.ShouldBe(SignUpEndpoints.SignedUp);
    }

    [Fact]
    public async Task The_agenda_session_page_and_my_sessions_render()
    {
        var host = await app.Host.RegisterMemberAsync();
        var member = await app.Host.RegisterMemberAsync();
        var planned = await app.Host.ScheduleSessionAsync(host);
        await app.Host.SignUpAsync(member, planned.SessionId);

        (await (await app.Host.Scenario(x => { x.Get.Url("/bijeenkomsten"); x.As(member); })).ReadAsTextAsync()).ShouldContain("Werkplaats: feedback die leerlingen gebruiken");
        (await (await app.Host.Scenario(x => { x.Get.Url($"/bijeenkomsten/{planned.SessionId}"); x.As(member); })).ReadAsTextAsync()).ShouldContain("Je bent aangemeld.");
        (await (await app.Host.Scenario(x => { x.Get.Url("/mijn-bijeenkomsten"); x.As(member); })).ReadAsTextAsync()).ShouldContain($"/bijeenkomsten/{planned.SessionId}");
        (await app.Host.MySessionsAsync(member)).Select(s => s.Id).ShouldContain(planned.SessionId);
    }

    private HubConnection Connect(TestMember member) =>
        app.Host.LiveConnection(member.Token);
}
