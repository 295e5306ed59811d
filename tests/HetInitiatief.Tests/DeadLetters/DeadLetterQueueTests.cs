using Alba;
using HetInitiatief.DeadLetters;
using HetInitiatief.Notifications;
using HetInitiatief.Tests.Infrastructure;
using Shouldly;

namespace HetInitiatief.Tests.DeadLetters;

public sealed class DeadLetterQueueTests(AppFixture app)
{
    [Fact]
    public async Task An_admin_sees_a_message_that_got_stuck_and_sends_it_again_and_then_it_is_handled()
    {
        // Given a follow-up whose news Wolverine gave up on (stored as Wolverine does after the last retry)
        var (owner, stuck) = await app.AStuckFollowUpNewsAsync();
        var admin = await app.AdminAsync();

        // When the admin looks at the stuck messages
        var list = await ListAsync(admin);

        // Then it is there, saying what it was for
        var shown = list.Messages.Single(m => m.Id == stuck);
        shown.What.ShouldBe("Meldingen over een gesprek op een vraag");
        shown.ReplayRequested.ShouldBeFalse();
        shown.Failure.ShouldContain("gaf het op");

        // When the admin sends it again
        await app.Host.Scenario(x =>
        {
            x.Post.Url($"/api/admin/dead-letters/{stuck}/replay");
            x.As(admin);
            x.StatusCodeShouldBe(202);
        });

        // Then it is handled: the owner is told of the follow-up, and the message leaves the list
        (await Eventually.TrueAsync(async () =>
            (await app.Host.NotificationsAsync(owner)).Notifications.Count(n => n.Kind == NotificationKinds.FollowUpAsked) == 2))
            .ShouldBeTrue("the replayed news adds the owner's second follow-up notification");
        (await Eventually.TrueAsync(async () =>
            (await ListAsync(admin)).Messages.All(m => m.Id != stuck)))
            .ShouldBeTrue();
    }

    [Fact]
    public async Task The_page_shows_an_admin_the_stuck_message_with_a_button_to_send_it_again()
    {
        // Given a stuck message
        var (_, stuck) = await app.AStuckFollowUpNewsAsync();
        var admin = await app.AdminAsync();

        // When the admin opens the page
        var page = await app.Host.Scenario(x =>
        {
            x.Get.Url("/beheer/vastgelopen-berichten");
            x.As(admin);
        });

        // Then the message is listed in Dutch with its own button
        var html = await page.ReadAsTextAsync();
        html.ShouldContain("Meldingen over een gesprek op een vraag");
        html.ShouldContain($"value=\"{stuck}\"");
        html.ShouldContain("Verstuur opnieuw");
    }

    [Fact]
    public async Task A_member_and_a_visitor_are_refused_the_list_and_the_replay()
    {
        var member = await app.Host.RegisterMemberAsync();
        foreach (var (url, post) in new[] { ("/api/admin/dead-letters", false), ($"/api/admin/dead-letters/{Guid.NewGuid()}/replay", true),
                     ("/api/admin/dead-letters/replay", true) })
        {
            await app.Host.Scenario(x =>
            {
                if (post) x.Post.Url(url); else x.Get.Url(url);
                x.As(member);
                x.StatusCodeShouldBe(403);
            });
            await app.Host.Scenario(x =>
            {
                if (post) x.Post.Url(url); else x.Get.Url(url);
                x.StatusCodeShouldBe(401);
            });
        }
        await app.Host.Scenario(x =>
        {
            x.Get.Url("/beheer/vastgelopen-berichten");
            x.As(member);
            x.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task Sending_again_a_message_that_is_not_stuck_is_a_404()
    {
        var admin = await app.AdminAsync();
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Url($"/api/admin/dead-letters/{Guid.NewGuid()}/replay");
            x.As(admin);
            x.StatusCodeShouldBe(404);
        });
        (await result.ProblemAsync()).Detail.ShouldContain("niet (meer)");
    }

    private async Task<DeadLetterList> ListAsync(TestMember admin)
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url("/api/admin/dead-letters");
            x.As(admin);
        });
        return (await result.ReadAsJsonAsync<DeadLetterList>())!;
    }
}
