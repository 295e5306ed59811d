using System.Net;
using System.Net.Http.Json;
using Alba;
using HetInitiatief.Membership;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Membership;

/// <summary>
/// A network of its own beside the shared one, with one founding seat taken at once by <see cref="EarlyBird"/>:
/// everyone registered through it afterwards is a free member, whatever other tests registered before.
/// </summary>
public sealed class NetworkOfOne(AppFixture app) : IAsyncLifetime
{
    private WebServer _server = null!;
    private HttpClient _http = null!;

    public TestMember EarlyBird { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await WebServer.StartAsync(app.ConnectionString, new Dictionary<string, string?>
        {
            ["Platform:NetworkId"] = Guid.NewGuid().ToString(), ["Platform:EarlyBirdSeats"] = "1",
        });
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
        EarlyBird = await RegisterAsync("De Vroege Vogel");
    }

    /// <summary>Registers through this network; signs in on the shared app, which the rest of a test talks to.</summary>
    public async Task<TestMember> RegisterAsync(string school, string? name = null)
    {
        name ??= $"Lid {Guid.NewGuid().ToString()[..8]}";
        var email = $"{Guid.NewGuid():N}@school.example";
        var since = ConfirmationMail.Before();
        var registered = await _http.PostAsJsonAsync("/api/members", new { name, email, password = Api.Password, school, sector = "po" });
        registered.StatusCode.ShouldBe(HttpStatusCode.Created);
        // Confirmed here, where the network of one seat is: the seat goes with the confirmation.
        await Api.ConfirmEmailAsync(_http, email, since);
        var token = await app.Host.Scenario(x => x.Post.Json(new { email, password = Api.Password }).ToUrl("/api/auth/token"));
        var accessToken = (await token.ReadAsJsonAsync<Api.TokenResponse>())!.AccessToken;
        var me = await app.Host.Scenario(x => { x.Get.Url("/api/me"); x.WithRequestHeader("Authorization", $"Bearer {accessToken}"); });
        return new TestMember((await me.ReadAsJsonAsync<Api.MeResponse>())!.Id, name, email, Api.Password, accessToken);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }
}

public static class MembershipApi
{
    public static DateOnly Today => Tiers.Today(DateTimeOffset.UtcNow);

    public static string ASchool(string name = "OBS De Paddenstoel") => $"{name} {Guid.NewGuid().ToString()[..8]}";

    public static async Task<MembershipView> RecordMembershipAsync(this IAlbaHost host, TestMember admin, object membership)
    {
        var result = await host.Scenario(x => { x.Post.Json(membership).ToUrl("/api/memberships"); x.As(admin); x.StatusCodeShouldBe(201); });
        return (await result.ReadAsJsonAsync<MembershipView>())!;
    }

    public static async Task<MembershipStatus> MembershipOfAsync(this IAlbaHost host, TestMember member)
    {
        var result = await host.Scenario(x => { x.Get.Url("/api/me/membership"); x.As(member); });
        return (await result.ReadAsJsonAsync<MembershipStatus>())!;
    }

    /// <summary>A member an admin made provider, so the sessions they schedule are provider-led.</summary>
    public static async Task<TestMember> ProviderAsync(this IAlbaHost host, TestMember admin)
    {
        var provider = await host.RegisterMemberAsync("Aanbieder APS");
        await host.GrantAsync(admin, provider, HetInitiatief.Members.MemberRoles.Provider);
        return provider;
    }

    /// <summary>An admin ends a paid membership early: today, or on the last day given.</summary>
    public static Task<IScenarioResult> EndMembershipAsync(
        this IAlbaHost host, TestMember admin, Guid membershipId, DateOnly? lastDay = null, int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Json(new EndPaidMembership(lastDay)).ToUrl($"/api/memberships/{membershipId}/end");
            x.As(admin);
            x.StatusCodeShouldBe(status);
        });

    public static async Task<List<MembershipView>> MembershipsAsync(this IAlbaHost host, TestMember admin)
    {
        var result = await host.Scenario(x => { x.Get.Url("/api/memberships"); x.As(admin); });
        return (await result.ReadAsJsonAsync<List<MembershipView>>())!;
    }

    /// <summary>The member's professional development portfolio in one of its forms ("", ".csv" or ".pdf").</summary>
    public static Task<IScenarioResult> PortfolioAsync(this IAlbaHost host, TestMember member, string form = "",
        int status = 200) =>
        host.Scenario(x =>
        {
            x.Get.Url($"/api/me/portfolio{form}");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });
}
