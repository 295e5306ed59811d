using Alba;
using HetInitiatief.Mail;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Mail;

public sealed class OutboxTests(AppFixture app)
{
    [Fact]
    public async Task An_admin_sees_the_outbox_newest_first_with_time_recipient_and_subject()
    {
        var admin = await app.AdminAsync();
        var member = await app.Host.RegisterMemberAsync();
        await app.Host.Scenario(x => { x.Post.Json(new { email = member.Email }).ToUrl("/api/auth/password-reset"); x.StatusCodeShouldBe(202); });

        var result = await app.Host.Scenario(x => { x.Get.Url("/api/admin/outbox"); x.As(admin); x.StatusCodeShouldBeOk(); });

        var outbox = (await result.ReadAsJsonAsync<OutboxPage>())!;
        outbox.SmtpConfigured.ShouldBeFalse();
        outbox.Messages.ShouldContain(m => m.To == member.Email && m.Subject == "Een nieuw wachtwoord voor Het Initiatief");
        outbox.Messages.Select(m => m.At).ShouldBeInOrder(SortDirection.Descending);
        var page = await app.Host.Scenario(x => { x.Get.Url("/beheer/uitgaande-mail"); x.As(admin); x.StatusCodeShouldBeOk(); });
        (await page.ReadAsTextAsync()).ShouldContain(member.Email);
    }

    [Fact]
    public async Task A_member_is_refused_with_403_and_an_anonymous_caller_with_401()
    {
        var member = await app.Host.RegisterMemberAsync();
        await app.Host.Scenario(x => { x.Get.Url("/api/admin/outbox"); x.As(member); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Url("/api/admin/digest/run"); x.As(member); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Get.Url("/beheer/uitgaande-mail"); x.As(member); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Get.Url("/api/admin/outbox"); x.StatusCodeShouldBe(401); });
    }
}
