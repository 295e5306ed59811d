using Alba;
using HetInitiatief.Members;
using HetInitiatief.Questions;
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

    /// <summary>An admin gives the member a role (or someone who may not tries to).</summary>
    public static async Task<IScenarioResult> GrantAsync(
        this IAlbaHost host, TestMember admin, TestMember member, string role, int status = 200) =>
        await host.Scenario(x =>
        {
            x.Post.Json(new { role }).ToUrl($"/api/members/{member.Id}/roles");
            x.As(admin);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>An admin takes a role away from the member.</summary>
    public static async Task<IScenarioResult> RevokeAsync(
        this IAlbaHost host, TestMember admin, TestMember member, string role, int status = 200) =>
        await host.Scenario(x =>
        {
            x.Delete.Url($"/api/members/{member.Id}/roles/{role}");
            x.As(admin);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>A provider lists the themes they provide for, with what members can expect.</summary>
    public static Task<IScenarioResult> ProvidesAsync(
        this IAlbaHost host, TestMember provider, string theme, string description, int status = 200) =>
        host.Scenario(x =>
        {
            x.Put.Json(new InventoryThemes([new ProviderTheme(theme, description)])).ToUrl("/api/me/provider-themes");
            x.As(provider);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>Every theme with its providers and how many members offer it.</summary>
    public static async Task<List<ThemeSupply>> ThemesAsync(this IAlbaHost host, TestMember viewer)
    {
        var result = await host.Scenario(x => { x.Get.Url("/api/themes"); x.As(viewer); });
        return (await result.ReadAsJsonAsync<List<ThemeSupply>>())!;
    }

    /// <summary>The member follows a theme, to hear of what happens in it; the answer lists what they follow.</summary>
    public static Task<IScenarioResult> FollowThemeAsync(this IAlbaHost host, TestMember member, string code,
        int status = 200) =>
        host.Scenario(x =>
        {
            x.Put.Url($"/api/me/themes/{code}");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    public static Task<IScenarioResult> UnfollowThemeAsync(this IAlbaHost host, TestMember member, string code,
        int status = 200) =>
        host.Scenario(x =>
        {
            x.Delete.Url($"/api/me/themes/{code}");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    public static async Task<List<ThemeView>> MyThemesAsync(this IAlbaHost host, TestMember member)
    {
        var result = await host.Scenario(x => { x.Get.Url("/api/me/themes"); x.As(member); });
        return (await result.ReadAsJsonAsync<List<ThemeView>>())!;
    }

    public static Task<IScenarioResult> FollowSectorAsync(this IAlbaHost host, TestMember member, string code,
        int status = 200) =>
        host.Scenario(x =>
        {
            x.Put.Url($"/api/me/sectors/{code}");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    public static Task<IScenarioResult> UnfollowSectorAsync(this IAlbaHost host, TestMember member, string code,
        int status = 200) =>
        host.Scenario(x =>
        {
            x.Delete.Url($"/api/me/sectors/{code}");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    public static async Task<List<SectorView>> MySectorsAsync(this IAlbaHost host, TestMember member)
    {
        var result = await host.Scenario(x => { x.Get.Url("/api/me/sectors"); x.As(member); });
        return (await result.ReadAsJsonAsync<List<SectorView>>())!;
    }

    /// <summary>The member deletes their account (and, when asked, blanks what they wrote).</summary>
    public static Task<IScenarioResult> DeleteAccountAsync(
        this IAlbaHost host, TestMember member, bool confirm = true, bool blankContributions = false,
            int status = 204) =>
        host.Scenario(x =>
        {
            x.Post.Json(new { confirm, blankContributions }).ToUrl("/api/me/delete");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>The member fills in who they are (a body as the profile form sends it) and who sees what.</summary>
    public static Task<IScenarioResult> UpdateProfileAsync(this IAlbaHost host, TestMember member, object profile,
        int status = 200) =>
        host.Scenario(x =>
        {
            x.Put.Json(profile).ToUrl("/api/me/profile");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>A member's profile as the viewer is allowed to see it.</summary>
    public static async Task<MemberView> ProfileOfAsync(this IAlbaHost host, TestMember viewer, Guid memberId)
    {
        var result = await host.Scenario(x => { x.Get.Url($"/api/members/{memberId}"); x.As(viewer); });
        return (await result.ReadAsJsonAsync<MemberView>())!;
    }
}
