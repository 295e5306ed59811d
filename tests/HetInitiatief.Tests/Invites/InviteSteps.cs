using Alba;
using HetInitiatief.Invites;
using HetInitiatief.Members;
using HetInitiatief.Tests.Infrastructure;

// The steps live in the tests' root namespace, so every feature's tests read them without a using.
namespace HetInitiatief.Tests;

/// <summary>Given/when steps for invites: made, looked at by the invitee, used to register, listed.</summary>
public static class InviteSteps
{
    /// <summary>The member invites a colleague by mail, or makes a link to share when no address is given.</summary>
    public static Task<IScenarioResult> InviteAsync(
        this IAlbaHost host, TestMember member, string? email = null, string? note = null, int status = 201) =>
        host.Scenario(x =>
        {
            x.Post.Json(new SendInvite(email, note)).ToUrl("/api/invites");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    public static async Task<InviteView> InviteMadeAsync(this IAlbaHost host, TestMember member, string? email = null,
        string? note = null) =>
        (await (await host.InviteAsync(member, email, note)).ReadAsJsonAsync<InviteView>())!;

    /// <summary>What the invitee sees when opening the link, without signing in.</summary>
    public static Task<IScenarioResult> InvitationAsync(this IAlbaHost host, string token, int status = 200) =>
        host.Scenario(x =>
        {
            x.Get.Url($"/api/invites/{token}");
            x.StatusCodeShouldBe(status);
        });

    /// <summary>The colleague registers through the invite link.</summary>
    public static async Task<Guid> RegisterWithInviteAsync(this IAlbaHost host, string name, string email, string token)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(new { name, email, password = Api.Password, school = "De Regenboog", sector = "po",
                invite = token })
                .ToUrl("/api/members");
            x.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<MemberCreated>())!.MemberId;
    }

    public static async Task<MyInvites> MyInvitesAsync(this IAlbaHost host, TestMember member)
    {
        var result = await host.Scenario(x => { x.Get.Url("/api/invites"); x.As(member); });
        return (await result.ReadAsJsonAsync<MyInvites>())!;
    }
}
