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
        var sent = await app.Host.Scenario(x => { x.Post.Json(new { email = address, note = "Hoi Bram!" }).ToUrl("/api/invites"); x.As(anna); x.StatusCodeShouldBe(201); });
        var invite = (await sent.ReadAsJsonAsync<InviteView>())!;
        var token = Regex.Match(invite.Link, "uitnodiging=(.+)$").Groups[1].Value;
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { name = "Bram Vertrek", email = address, password = Api.Password, school = "De Regenboog", sector = "po", invite = token }).ToUrl("/api/members");
            x.StatusCodeShouldBe(201);
        });
        var bram = await SignInAsync(address);

        await app.Host.Scenario(x => { x.Post.Json(new { confirm = true }).ToUrl("/api/me/delete"); x.WithRequestHeader("Authorization", $"Bearer {bram}"); x.StatusCodeShouldBe(204); });

        var mine = await app.Host.Scenario(x => { x.Get.Url("/api/invites"); x.As(anna); });
        var kept = (await mine.ReadAsJsonAsync<MyInvites>())!.Invites.Single(i => i.Id == invite.Id);
        (kept.Status, kept.Email, kept.Note, kept.Acceptances.Single().Name).ShouldBe((Invite.Accepted, null, null, "oud-lid"));
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var created = (await session.Events.FetchStreamAsync(invite.Id)).Select(e => e.Data).OfType<InviteCreated>().Single();
        (created.Email, created.Note).ShouldBe((null, null));
    }

    [Fact]
    public async Task When_the_inviter_leaves_their_invites_are_gone_and_their_links_stop_naming_them()
    {
        var leaver = await app.Host.RegisterMemberAsync("Lotte Nodigt");
        var sent = await app.Host.Scenario(x => { x.Post.Json(new { email = $"{Guid.NewGuid():N}@school.example" }).ToUrl("/api/invites"); x.As(leaver); x.StatusCodeShouldBe(201); });
        var invite = (await sent.ReadAsJsonAsync<InviteView>())!;
        var token = Regex.Match(invite.Link, "uitnodiging=(.+)$").Groups[1].Value;

        await app.Host.Scenario(x => { x.Post.Json(new { confirm = true }).ToUrl("/api/me/delete"); x.As(leaver); x.StatusCodeShouldBe(204); });

        await app.Host.Scenario(x => { x.Get.Url($"/api/invites/{token}"); x.StatusCodeShouldBe(404); });
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.LoadAsync<Invite>(invite.Id)).ShouldBeNull();
        (await session.Events.FetchStreamAsync(invite.Id)).Select(e => e.Data).OfType<InviteCreated>().Single().Email.ShouldBeNull();
    }

    private async Task<string> SignInAsync(string email)
    {
        var token = await app.Host.Scenario(x => { x.Post.Json(new { email, password = Api.Password }).ToUrl("/api/auth/token"); x.StatusCodeShouldBeOk(); });
        return (await token.ReadAsJsonAsync<Api.TokenResponse>())!.AccessToken;
    }
}
