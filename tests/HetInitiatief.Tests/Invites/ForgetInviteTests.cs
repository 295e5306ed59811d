using System.Text.RegularExpressions;
using Alba;
using HetInitiatief.Invites;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Invites;

public sealed class ForgetInviteTests(AppFixture app)
{
    [Fact]
    public async Task When_the_invitee_leaves_the_inviter_keeps_the_acceptance_as_by_oud_lid_without_the_address()
    {
        var anna = await app.Host.RegisterMemberAsync("Anna Blijft");
        var address = $"{Guid.NewGuid():N}@school.example";
        var invite = await app.Host.InviteMadeAsync(anna, address, "Hoi Bram!");
        var token = Regex.Match(invite.Link, "uitnodiging=(.+)$").Groups[1].Value;
        var bramId = await app.Host.RegisterWithInviteAsync("Bram Vertrek", address, token);
        var bram = new TestMember(bramId, "Bram Vertrek", address, Api.Password, await app.Host.TokenAsync(address));

        await app.Host.DeleteAccountAsync(bram);

        var kept = (await app.Host.MyInvitesAsync(anna)).Invites.Single(i => i.Id == invite.Id);
        (kept.Status, kept.Email, kept.Note, kept.Acceptances.Single().Name).ShouldBe((Invite.Accepted, null, null, "oud-lid"));
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var created = (await session.Events.FetchStreamAsync(invite.Id)).Select(e => e.Data).OfType<InviteCreated>().Single();
        (created.Email, created.Note).ShouldBe((null, null));
    }

    [Fact]
    public async Task When_the_inviter_leaves_their_invites_are_gone_and_their_links_stop_naming_them()
    {
        var leaver = await app.Host.RegisterMemberAsync("Lotte Nodigt");
        var invite = await app.Host.InviteMadeAsync(leaver, $"{Guid.NewGuid():N}@school.example");
        var token = Regex.Match(invite.Link, "uitnodiging=(.+)$").Groups[1].Value;

        await app.Host.DeleteAccountAsync(leaver);

        await app.Host.InvitationAsync(token, status: 404);
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.LoadAsync<Invite>(invite.Id)).ShouldBeNull();
        (await session.Events.FetchStreamAsync(invite.Id)).Select(e => e.Data).OfType<InviteCreated>().Single().Email.ShouldBeNull();
    }
}
