using Alba;
using HetInitiatief.Sessions;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Sessions;

public sealed class CalendarFeedTests(AppFixture app)
{
    [Fact]
    public async Task A_secret_feed_lists_my_sessions_without_signing_in_until_it_is_replaced_or_revoked()
    {
        var host = await app.Host.RegisterMemberAsync();
        var member = await app.Host.RegisterMemberAsync();
        var planned = await app.Host.ScheduleSessionAsync(host, SessionSteps.ASession(meetingLink: "https://meet.example/mijn-link"));
        var notMine = await app.Host.ScheduleSessionAsync(host);
        await app.Host.SignUpAsync(member, planned.SessionId);

        var address = await app.Host.CreateCalendarFeedAsync(member);

        var feed = await (await app.Host.Scenario(x => x.Get.Url(address))).ReadAsTextAsync();
        (await (await app.Host.Scenario(x => { x.Get.Url("/mijn-bijeenkomsten"); x.As(member); })).ReadAsTextAsync()).ShouldContain(address);
        feed.ShouldContain($"UID:{planned.SessionId}@het-initiatief");
        feed.ShouldContain("mijn-link");
        feed.ShouldNotContain(notMine.SessionId.ToString());

        (await app.Host.CreateCalendarFeedAsync(member)).ShouldNotBe(address);
        await app.Host.Scenario(x => { x.Get.Url(address); x.StatusCodeShouldBe(404); });
        await app.Host.Scenario(x => { x.Delete.Url("/api/me/calendar-feed"); x.As(member); x.StatusCodeShouldBe(204); });
        await app.Host.Scenario(x => { x.Get.Url("/api/me/calendar-feed"); x.As(member); x.StatusCodeShouldBe(404); });
    }
}
