using System.Text.RegularExpressions;
using Alba;
using HetInitiatief.Invites;
using HetInitiatief.Notifications;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Invites;

public sealed class InviteTests(AppFixture app)
{
    [Fact]
    public async Task The_links_an_inviter_is_shown_to_share_point_at_the_platform_whatever_host_the_request_names()
    {
        // Given a member who invites while the request names another host
        var anna = await app.Host.RegisterMemberAsync();
        var sent = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email = $"{Guid.NewGuid():N}@school.example" }).ToUrl("/api/invites");
            x.ConfigureHttpContext(c => c.Request.Host = new Microsoft.AspNetCore.Http.HostString("aanvaller.example"));
            x.As(anna);
            x.StatusCodeShouldBe(201);
        });
        var listed = await app.Host.Scenario(x =>
        {
            x.Get.Url("/api/invites");
            x.ConfigureHttpContext(c => c.Request.Host = new Microsoft.AspNetCore.Http.HostString("aanvaller.example"));
            x.As(anna);
        });

        // Then neither the new invite's link nor the list's names that host
        (await sent.ReadAsJsonAsync<InviteView>())!.Link.ShouldNotContain("aanvaller.example");
        (await listed.ReadAsTextAsync()).ShouldNotContain("aanvaller.example");
    }

    [Fact]
    public async Task Invite_by_mail_then_register_via_the_link_and_the_inviter_sees_it_accepted()
    {
        var anna = await app.Host.RegisterMemberAsync("Anna de Vries");
        var colleague = $"{Guid.NewGuid():N}@school.example";

        var invite = await app.Host.InviteMadeAsync(anna, colleague, "Doe je mee met onze leesvraag?");
        (invite.Status, invite.SingleUse, invite.Email).ShouldBe((Invite.Open, true, colleague));

        var mail = (await app.MailsToAsync(colleague)).ShouldHaveSingleItem();
        mail.ShouldContain("Subject: Anna de Vries nodigt je uit voor Het Initiatief");
        mail.ShouldContain("Doe je mee met onze leesvraag?");
        var token = Regex.Match(mail, @"registreren\?uitnodiging=([A-Za-z0-9_-]+)").Groups[1].Value;
        token.ShouldNotBeEmpty();
        invite.Link.ShouldEndWith($"/registreren?uitnodiging={token}");

        // The invitee sees who invited them.
        var invitation = await app.Host.InvitationAsync(token);
        (await invitation.ReadAsJsonAsync<Invitation>())!.ShouldBe(new Invitation("Anna de Vries", "Doe je mee met onze leesvraag?"));
        var page = await app.Host.Scenario(x => x.Get.Url($"/registreren?uitnodiging={token}"));
        (await page.ReadAsTextAsync()).ShouldContain("Anna de Vries nodigt je uit voor Het Initiatief");

        var bram = await RegisterAsync("Bram Jansen", colleague, token);

        var mine = await MineAsync(anna);
        var accepted = mine.Invites.Single(i => i.Id == invite.Id);
        accepted.Status.ShouldBe(Invite.Accepted);
        accepted.Acceptances.ShouldHaveSingleItem().ShouldSatisfyAllConditions(a => a.MemberId.ShouldBe(bram), a => a.Name.ShouldBe("Bram Jansen"));
        (await app.Host.GetsNotifiedAsync(anna, NotificationKinds.InviteAccepted)).ShouldBeTrue();
        (await app.Host.NotificationsAsync(anna)).Notifications.Single(n => n.Kind == NotificationKinds.InviteAccepted).Text
            .ShouldBe("Bram Jansen is lid geworden via jouw uitnodiging. Welkom heten?");

        // Used once: the link no longer says who invites, and registering with it again still works, without accepting twice.
        await app.Host.InvitationAsync(token, status: 404);
        await RegisterAsync("Cas Visser", $"{Guid.NewGuid():N}@school.example", token);
        (await MineAsync(anna)).Invites.Single(i => i.Id == invite.Id).Acceptances.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_link_without_mail_is_shared_and_works_for_several_colleagues()
    {
        var anna = await app.Host.RegisterMemberAsync("Anna Link");
        var invite = await app.Host.InviteMadeAsync(anna);
        (invite.Email, invite.SingleUse).ShouldBe((null, false));
        var token = invite.Link.Split("uitnodiging=")[1];

        var first = await RegisterAsync("Dirk", $"{Guid.NewGuid():N}@school.example", token);
        var second = await RegisterAsync("Eva", $"{Guid.NewGuid():N}@school.example", token);

        var mine = (await MineAsync(anna)).Invites.Single(i => i.Id == invite.Id);
        mine.Status.ShouldBe(Invite.Accepted);
        mine.Acceptances.Select(a => a.MemberId).ShouldBe([first, second]);
        await app.Host.InvitationAsync(token);
    }

    [Fact]
    public async Task An_unknown_token_is_ignored_and_the_colleague_still_registers()
    {
        await app.Host.InvitationAsync("bestaat-niet", status: 404);
        var member = await RegisterAsync("Fleur", $"{Guid.NewGuid():N}@school.example", "bestaat-niet");
        member.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task A_member_can_make_fifty_invites_a_day_and_no_more()
    {
        var anna = await app.Host.RegisterMemberAsync();
        for (var i = 0; i < SendInviteEndpoint.MaxPerDay; i++)
            await app.Host.InviteAsync(anna);

        var refused = await app.Host.InviteAsync(anna, status: 429);
        (await refused.ProblemAsync()).Detail.ShouldContain("50 uitnodigingen");
    }

    [Fact]
    public async Task A_bad_address_or_a_long_note_is_refused_per_field()
    {
        var anna = await app.Host.RegisterMemberAsync();
        var refused = await app.Host.InviteAsync(anna, "geen-adres", new string('x', SendInviteEndpoint.NoteMax + 1),
            status: 400);
        (await refused.ProblemAsync()).Errors!.Keys.Order().ShouldBe(["email", "note"]);
    }

    [Fact]
    public void The_decision_caps_the_day_and_a_single_use_invite_is_accepted_once()
    {
        var now = DateTimeOffset.UtcNow;
        var inviter = Guid.NewGuid();
        SendInviteEndpoint.Decide(new SendInvite(null, null), Guid.NewGuid(), "t", inviter, SendInviteEndpoint.MaxPerDay, now).Refusal!.Status.ShouldBe(429);
        var created = (InviteCreated)SendInviteEndpoint.Decide(new SendInvite(" a@b.nl ", " "), Guid.NewGuid(), "t", inviter, 0, now).Events.Single();
        (created.Email, created.Note, created.SingleUse).ShouldBe(("a@b.nl", null, true));

        var invite = Invite.Create(created);
        AcceptInvite.Decide(invite, Guid.NewGuid(), now).Events.ShouldHaveSingleItem().ShouldBeOfType<InviteAccepted>();
        var used = invite.Apply(new InviteAccepted(invite.Id, Guid.NewGuid(), now));
        AcceptInvite.Decide(used, Guid.NewGuid(), now).Refusal!.Errors.Keys.ShouldBe(["invite"]);
    }

    private Task<Guid> RegisterAsync(string name, string email, string token) => app.Host.RegisterWithInviteAsync(name,
        email, token);

    private Task<MyInvites> MineAsync(TestMember member) => app.Host.MyInvitesAsync(member);
}
