using System.Text.RegularExpressions;
using Alba;
using HetInitiatief.Mail;
using HetInitiatief.Tests.Members;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Wolverine.Runtime;

namespace HetInitiatief.Tests.Mail;

/// <summary>Mail through a real SMTP server: STARTTLS, a login, retries while it is down, dead mail and a resend.</summary>
public sealed class SmtpDeliveryTests(SmtpHost platform) : IClassFixture<SmtpHost>
{
    private IAlbaHost Host => platform.Host;

    [Fact]
    public async Task A_password_reset_arrives_over_starttls_with_a_login_as_text_with_an_html_alternative()
    {
        var member = await platform.RegisterMemberAsync();

        await Host.Scenario(x => { x.Post.Json(new { email = member.Email }).ToUrl("/api/auth/password-reset"); x.StatusCodeShouldBe(202); });

        var received = await ArrivedAsync(member.Email);
        (received.Session.Tls, received.Session.Authenticated, received.Session.User).ShouldBe((true, true, SmtpServer.User));
        var mail = received.Message;
        mail.From.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("noreply@het-initiatief.test");
        mail.Subject.ShouldBe("Een nieuw wachtwoord voor Het Initiatief");
        var alternatives = mail.Body.ShouldBeOfType<MultipartAlternative>();
        alternatives.Select(p => p.ContentType.MimeType).ShouldBe(["text/plain", "text/html"]);
        var token = Regex.Match(mail.TextBody ?? "", "http://localhost:5000/wachtwoord-herstellen\\?token=([0-9a-f]{64})").Groups[1].Value;
        token.ShouldNotBeEmpty();
        mail.HtmlBody.ShouldNotBeNull().ShouldContain($"<a href=\"http://localhost:5000/wachtwoord-herstellen?token={token}\">");
        await Host.Scenario(x => { x.Post.Json(new { token, password = "een-nieuw-wachtwoord-2" }).ToUrl("/api/auth/password-reset/confirm"); x.StatusCodeShouldBe(204); });

        // Delivered over SMTP, so not written to the folder; and the link no longer lies in the database.
        Directory.Exists(platform.Outbox).ShouldBeFalse();
        (await StoredAsync(member.Email)).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            m => m.Status.ShouldBe(OutgoingMail.Sent),
            m => m.Body.ShouldBeEmpty());
    }

    [Fact]
    public async Task An_invite_made_while_the_smtp_server_is_down_is_created_and_its_mail_is_retried_and_arrives_once_when_it_is_back()
    {
        var admin = await platform.AdminAsync();
        var inviter = await platform.RegisterMemberAsync("Anna Storing");
        var colleague = $"{Guid.NewGuid():N}@school.example";
        await Host.QueueEmptiedForAsync(inviter.Email);

        await platform.Smtp.StopAsync();
        try
        {
            await Host.Scenario(x => { x.Post.Json(new { email = colleague }).ToUrl("/api/invites"); x.As(inviter); x.StatusCodeShouldBe(201); });

            var failing = await InOutboxAsync(admin, colleague, m => m.Status == OutgoingMail.Failing);
            failing.Attempts.ShouldBeGreaterThanOrEqualTo(1);
            failing.LastError.ShouldNotBeNullOrEmpty();
            (await Host.ReadinessAsync()).Checks["mail"].Status.ShouldBe("Degraded");
        }
        finally
        {
            await platform.Smtp.StartAgainAsync();
        }

        var received = await ArrivedAsync(colleague);
        received.Message.Subject.ShouldBe("Anna Storing nodigt je uit voor Het Initiatief");
        (await Host.QueueEmptiedForAsync(colleague)).ShouldBeTrue();
        var sent = await InOutboxAsync(admin, colleague, m => m.Status == OutgoingMail.Sent);
        sent.Attempts.ShouldBeGreaterThan(1);
        platform.Smtp.To(colleague).Count.ShouldBe(1);
        (await HealthyAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task A_mail_refused_for_good_is_dead_on_the_outbox_page_and_in_health_and_the_admins_resend_delivers_it()
    {
        var admin = await platform.AdminAsync();
        var inviter = await platform.RegisterMemberAsync("Bram Geweigerd");
        var colleague = $"{Guid.NewGuid():N}@school.example";
        platform.Smtp.Refuse(colleague);

        await Host.Scenario(x => { x.Post.Json(new { email = colleague }).ToUrl("/api/invites"); x.As(inviter); x.StatusCodeShouldBe(201); });

        var dead = await InOutboxAsync(admin, colleague, m => m.Status == OutgoingMail.Dead, OutgoingMail.Dead);
        dead.Attempts.ShouldBe(1);
        dead.LastError.ShouldNotBeNull().ShouldContain("550");
        (await Host.ReadinessAsync()).Checks["mail"].Status.ShouldBe("Degraded");
        var deadLetter = (await LoadAsync(dead.Id)).DeadEnvelopeId.ShouldNotBeNull();
        var deadLetters = Host.Services.GetRequiredService<IWolverineRuntime>().Storage.DeadLetters;
        // The mail is marked dead in the handler's own transaction; Wolverine moves the message to the dead letters just
        // after, when the handler's exception reaches its error policy.
        (await Eventually.TrueAsync(async () => await deadLetters.DeadLetterEnvelopeByIdAsync(deadLetter) is not null))
            .ShouldBeTrue("the message should be in the dead letters");
        var visitor = await PageVisitor.SignInAsync(Host, admin);
        var page = await visitor.GetStringAsync("/beheer/uitgaande-mail?status=dead");
        page.ShouldContain(colleague);
        page.ShouldContain("definitief mislukt");

        platform.Smtp.StopRefusing();
        var resent = await visitor.PostAsync("/beheer/uitgaande-mail", "Resend", ("MailId", dead.Id.ToString()));

        ((int)resent.StatusCode).ShouldBe(302);
        var received = await ArrivedAsync(colleague);
        received.Message.Subject.ShouldBe("Bram Geweigerd nodigt je uit voor Het Initiatief");
        (await Host.QueueEmptiedForAsync(colleague)).ShouldBeTrue();
        (await InOutboxAsync(admin, colleague, m => m.Status == OutgoingMail.Sent)).Id.ShouldBe(dead.Id);
        platform.Smtp.To(colleague).Count.ShouldBe(1);
        (await deadLetters.DeadLetterEnvelopeByIdAsync(deadLetter)).ShouldBeNull();
        (await HealthyAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task A_dead_password_reset_is_resent_through_the_api_once_and_a_second_resend_is_a_conflict()
    {
        var admin = await platform.AdminAsync();
        var member = await platform.RegisterMemberAsync();
        await Host.QueueEmptiedForAsync(member.Email);
        platform.Smtp.Refuse(member.Email);
        await Host.Scenario(x => { x.Post.Json(new { email = member.Email }).ToUrl("/api/auth/password-reset"); x.StatusCodeShouldBe(202); });
        var dead = await InOutboxAsync(admin, member.Email, m => m.Status == OutgoingMail.Dead, OutgoingMail.Dead);
        platform.Smtp.StopRefusing();

        var resent = await Host.Scenario(x => { x.Post.Url($"/api/admin/outbox/{dead.Id}/resend"); x.As(admin); x.StatusCodeShouldBe(202); });

        (await resent.ReadAsJsonAsync<OutboxMessage>()).ShouldNotBeNull().Status.ShouldBe(OutgoingMail.Queued);
        (await ArrivedAsync(member.Email)).Message.Subject.ShouldBe("Een nieuw wachtwoord voor Het Initiatief");
        (await Host.QueueEmptiedForAsync(member.Email)).ShouldBeTrue();
        var again = await Host.Scenario(x => { x.Post.Url($"/api/admin/outbox/{dead.Id}/resend"); x.As(admin); x.StatusCodeShouldBe(409); });
        (await again.ReadAsTextAsync()).ShouldContain("al verstuurd");
        platform.Smtp.To(member.Email).Count(m => m.Message.Subject?.Contains("wachtwoord") == true).ShouldBe(1);
    }

    /// <summary>The first mail to the address besides the confirmation mail every member gets on registering.</summary>
    private async Task<ReceivedMail> ArrivedAsync(string address)
    {
        IReadOnlyList<ReceivedMail> Arrived() =>
            platform.Smtp.To(address).Where(m => m.Message.Subject != HetInitiatief.Members.EmailConfirmation.Subject).ToList();
        (await Eventually.TrueAsync(() => Task.FromResult(Arrived().Count > 0))).ShouldBeTrue($"no mail to {address} arrived");
        return Arrived()[0];
    }

    /// <summary>Waits until the admins' outbox lists a mail to the address that matches, and returns it.</summary>
    private async Task<OutboxMessage> InOutboxAsync(TestMember admin, string address, Func<OutboxMessage, bool> matches, string? status = null)
    {
        OutboxMessage? found = null;
        await Eventually.TrueAsync(async () =>
        {
            var result = await Host.Scenario(x => { x.Get.Url($"/api/admin/outbox{(status is null ? "" : $"?status={status}")}"); x.As(admin); });
            found = (await result.ReadAsJsonAsync<OutboxPage>())!.Messages.FirstOrDefault(m => m.To == address && matches(m));
            return found is not null;
        });
        return found.ShouldNotBeNull($"the outbox shows no such mail to {address}");
    }

    private Task<bool> HealthyAsync() => Eventually.TrueAsync(async () => (await Host.ReadinessAsync()).Status == "Healthy");

    /// <summary>The mail stored for the address, besides the confirmation mail every member gets on registering.</summary>
    private async Task<IReadOnlyList<OutgoingMail>> StoredAsync(string address)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<OutgoingMail>()
            .Where(m => m.To == address && m.Subject != HetInitiatief.Members.EmailConfirmation.Subject).ToListAsync();
    }

    private async Task<OutgoingMail> LoadAsync(Guid id)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.LoadAsync<OutgoingMail>(id)).ShouldNotBeNull();
    }
}
