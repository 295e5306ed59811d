using Alba;
using HetInitiatief.Members;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Members;

public sealed class DeleteAccountTests(AppFixture app)
{
    [Fact]
    public async Task After_deleting_an_account_the_admins_mail_listing_no_longer_shows_the_address()
    {
        var admin = await app.AdminAsync();
        var leaver = await app.Host.RegisterMemberAsync("Mila Vertrek");
        var colleague = $"{Guid.NewGuid():N}@school.example";
        await app.Host.Scenario(x => { x.Post.Json(new { email = leaver.Email }).ToUrl("/api/auth/password-reset"); x.StatusCodeShouldBe(202); });
        await app.Host.InviteAsync(leaver, colleague);
        (await app.MailToAsync(leaver.Email, "wachtwoord")).ShouldNotBeNull();
        (await app.MailsToAsync(colleague)).ShouldHaveSingleItem().ShouldContain("Mila Vertrek nodigt je uit");

        await app.Host.DeleteAccountAsync(leaver);

        OutboxMail.Read(app.Outbox, leaver.Email).ShouldBeEmpty();
        var listing = await app.Host.Scenario(x => { x.Get.Url("/api/admin/outbox"); x.As(admin); x.StatusCodeShouldBeOk(); });
        (await listing.ReadAsTextAsync()).ShouldNotContain(leaver.Email);
        // The invitation they sent stays on record for the admins, without their name.
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Query<HetInitiatief.Mail.OutgoingMail>().SingleAsync(m => m.To == colleague)).Subject.ShouldBe("oud-lid nodigt je uit voor Het Initiatief");
    }

    [Fact]
    public async Task Deleting_an_account_ends_its_sessions_on_other_devices_too()
    {
        // Given a member signed in twice: on the laptop (the token they delete with) and on the phone
        var leaver = await app.Host.RegisterMemberAsync("Noor Vertrek");
        var phone = leaver with { Token = await app.Host.TokenAsync(leaver.Email) };
        await app.Host.Scenario(x => { x.Get.Url("/api/me/notifications"); x.As(phone); x.StatusCodeShouldBeOk(); });

        // When they delete the account from the laptop
        await app.Host.DeleteAccountAsync(leaver);

        // Then the phone's token no longer gets in
        await app.Host.Scenario(x => { x.Get.Url("/api/me/notifications"); x.As(phone); x.StatusCodeShouldBe(401); });
    }

    [Fact]
    public async Task Deleting_an_account_forgets_the_person_but_keeps_what_others_took_part_in()
    {
        var leaver = await app.Host.RegisterMemberAsync("Lotte Vertrek");
        var colleague = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(leaver);
        await app.Host.AskFollowUpAsync(colleague, question.QuestionId);

        await app.Host.DeleteAccountAsync(leaver, confirm: false, status: 400);
        await app.Host.DeleteAccountAsync(leaver);

        var view = await app.Host.GetQuestionAsync(colleague, question.QuestionId);
        (view.Owner.Name, view.FollowUps.Count).ShouldBe(("oud-lid", 1));
        await app.Host.Scenario(x => { x.Post.Json(new { email = leaver.Email, password = leaver.Password }).ToUrl("/api/auth/token"); x.StatusCodeShouldBe(401); });
        // Every session of the account ended with it: the token it deleted with no longer gets in.
        await app.Host.Scenario(x => { x.Get.Url("/api/me"); x.As(leaver); x.StatusCodeShouldBe(401); });

        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var registered = (await session.Events.FetchStreamAsync(leaver.Id)).Select(e => e.Data).OfType<MemberRegistered>().Single();
        (registered.Name, registered.Email, registered.School).ShouldBe(("oud-lid", "", ""));
        (await session.LoadAsync<MemberProfile>(leaver.Id)).ShouldBeNull();
    }
}
