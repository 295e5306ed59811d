using Alba;
using HetInitiatief.Mail;
using HetInitiatief.Tests.Infrastructure;
using HetInitiatief.Tests.Members;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Mail;

public sealed class OutboxTests(AppFixture app)
{
    [Fact]
    public async Task An_admin_sees_the_outbox_newest_first_with_time_recipient_subject_and_status()
    {
        var admin = await app.AdminAsync();
        var member = await app.Host.RegisterMemberAsync();
        await app.Host.Scenario(x => { x.Post.Json(new { email = member.Email }).ToUrl("/api/auth/password-reset"); x.StatusCodeShouldBe(202); });
        (await app.Host.QueueEmptiedForAsync(member.Email)).ShouldBeTrue();

        var result = await app.Host.Scenario(x => { x.Get.Url("/api/admin/outbox"); x.As(admin); x.StatusCodeShouldBeOk(); });

        var outbox = (await result.ReadAsJsonAsync<OutboxPage>())!;
        outbox.SmtpConfigured.ShouldBeFalse();
        var reset = outbox.Messages.Where(m => m.To == member.Email && m.Subject != HetInitiatief.Members.EmailConfirmation.Subject).ShouldHaveSingleItem();
        (reset.Subject, reset.Status, reset.Attempts, reset.LastError).ShouldBe(("Een nieuw wachtwoord voor Het Initiatief", OutgoingMail.Sent, 1, null));
        outbox.Messages.Select(m => m.At).ShouldBeInOrder(SortDirection.Descending);
        var sent = await app.Host.Scenario(x => { x.Get.Url($"/api/admin/outbox?status={OutgoingMail.Sent}"); x.As(admin); x.StatusCodeShouldBeOk(); });
        (await sent.ReadAsJsonAsync<OutboxPage>())!.Messages.ShouldAllBe(m => m.Status == OutgoingMail.Sent);
        var page = await app.Host.Scenario(x => { x.Get.Url("/beheer/uitgaande-mail"); x.As(admin); x.StatusCodeShouldBeOk(); });
        (await page.ReadAsTextAsync()).ShouldContain(member.Email);
    }

    [Fact]
    public async Task An_unknown_status_filter_is_a_400_naming_status()
    {
        var admin = await app.AdminAsync();

        var result = await app.Host.Scenario(x => { x.Get.Url("/api/admin/outbox?status=kwijt"); x.As(admin); x.StatusCodeShouldBe(400); });

        (await result.ProblemAsync()).Errors!.Keys.ShouldBe(["status"]);
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

    [Fact]
    public async Task Resending_is_refused_to_a_member_with_403_on_the_api_and_the_page_and_to_an_anonymous_caller_with_401()
    {
        var member = await app.Host.RegisterMemberAsync();
        var mail = await SentResetAsync(member);

        await app.Host.Scenario(x => { x.Post.Url($"/api/admin/outbox/{mail.Id}/resend"); x.As(member); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Url($"/api/admin/outbox/{mail.Id}/resend"); x.StatusCodeShouldBe(401); });
        var visitor = await PageVisitor.SignInAsync(app, member);
        var page = await visitor.PostAsync("/beheer/uitgaande-mail", "Resend", ("MailId", mail.Id.ToString()));
        ((int)page.StatusCode).ShouldBe(403);
        (await page.Content.ReadAsStringAsync()).ShouldNotContain(member.Email);
    }

    [Fact]
    public async Task An_admin_cannot_resend_unknown_mail_404_or_mail_that_went_out_409()
    {
        var admin = await app.AdminAsync();
        var mail = await SentResetAsync(await app.Host.RegisterMemberAsync());

        await app.Host.Scenario(x => { x.Post.Url($"/api/admin/outbox/{Guid.NewGuid()}/resend"); x.As(admin); x.StatusCodeShouldBe(404); });
        var sent = await app.Host.Scenario(x => { x.Post.Url($"/api/admin/outbox/{mail.Id}/resend"); x.As(admin); x.StatusCodeShouldBe(409); });

        (await sent.ProblemAsync()).Detail.ShouldBe("Deze e-mail is al verstuurd.");
    }

    /// <summary>A password reset for the member, delivered. Read from the store: the listing's first page may already hold newer mail.</summary>
    private async Task<OutgoingMail> SentResetAsync(TestMember member)
    {
        await app.Host.Scenario(x => { x.Post.Json(new { email = member.Email }).ToUrl("/api/auth/password-reset"); x.StatusCodeShouldBe(202); });
        (await app.Host.QueueEmptiedForAsync(member.Email)).ShouldBeTrue();
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<OutgoingMail>().SingleAsync(m => m.To == member.Email && m.Status == OutgoingMail.Sent && m.Subject != HetInitiatief.Members.EmailConfirmation.Subject);
    }
}
