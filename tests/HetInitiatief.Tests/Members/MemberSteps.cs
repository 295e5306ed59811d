using Alba;
using HetInitiatief.Tests.Infrastructure;

// The steps live in the tests' root namespace, so every feature's tests read them without a using.
namespace HetInitiatief.Tests;

/// <summary>Given steps for a member's profile and roles.</summary>
public static class MemberSteps
{
    /// <summary>#durftevragen: the member offers these themes on their profile, so they can make offers.</summary>
    public static async Task OffersAsync(this IAlbaHost host, TestMember member, params string[] themes) =>
        await host.Scenario(x => { x.Put.Json(new { themes, offering = "Ik geef graag een werkplaats." }).ToUrl("/api/me/offering"); x.As(member); });

    /// <summary>The member moves to this school (and secondary education) on their profile.</summary>
    public static async Task WorksAtAsync(this IAlbaHost host, TestMember member, string school) =>
        await host.Scenario(x => { x.Put.Json(new { school, sector = "vo" }).ToUrl("/api/me/profile"); x.As(member); x.StatusCodeShouldBeOk(); });

    /// <summary>An admin gives the member a role.</summary>
    public static async Task GrantAsync(this IAlbaHost host, TestMember admin, TestMember member, string role) =>
        await host.Scenario(x => { x.Post.Json(new { role }).ToUrl($"/api/members/{member.Id}/roles"); x.As(admin); x.StatusCodeShouldBeOk(); });
}
