using Alba;
using HetInitiatief.Members;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Members;

public sealed class AdminRoleTests(AppFixture app)
{
    /// <summary>Every admin and moderator endpoint and page, and the method it answers; {member} is an existing member.</summary>
    public static TheoryData<string, string> AdminOnly => new()
    {
        { "POST", "/api/members/{member}/roles" },
        { "DELETE", "/api/members/{member}/roles/provider" },
        { "POST", "/api/network/joint-start" },
        { "POST", "/api/network/opening" },
        { "GET", "/api/admin/roles" },
        { "GET", "/api/admin/members" },
        { "GET", "/beheer" },
        { "GET", "/beheer/rollen" },
        { "POST", "/api/memberships" },
        { "GET", "/api/memberships" },
        { "POST", $"/api/memberships/{Guid.NewGuid()}/end" },
        { "GET", "/beheer/lidmaatschappen" },
        { "GET", "/api/admin/outbox" },
        { "POST", "/api/admin/digest/run" },
        { "POST", $"/api/admin/outbox/{Guid.NewGuid()}/resend" },
        { "GET", "/beheer/uitgaande-mail" },
        { "GET", "/beheer/vastgelopen-berichten" },
        { "GET", "/api/health" },
        { "GET", "/api/health?week=2026-W47" },
        { "POST", "/api/health/rebuild" },
        { "GET", "/moderatie/gezondheid" },
        { "GET", "/api/moderation/radar" },
        { "GET", $"/api/moderation/radar/{Guid.NewGuid()}/suggestions" },
        { "POST", $"/api/moderation/radar/{Guid.NewGuid()}/nudge" },
        { "POST", $"/api/moderation/radar/{Guid.NewGuid()}/take-on" },
        { "POST", $"/api/moderation/radar/{Guid.NewGuid()}/dismiss" },
        { "GET", "/api/moderation/queue" },
        { "POST", $"/api/moderation/content/{Guid.NewGuid()}/hide" },
        { "POST", $"/api/moderation/content/{Guid.NewGuid()}/restore" },
        { "GET", "/api/moderation/audit" },
        { "POST", "/api/moderation/questions/{member}/merge" },
        { "GET", "/moderatie" },
        { "GET", "/moderatie/meldingen" },
        { "GET", "/moderatie/logboek" },
    };

    [Theory]
    [MemberData(nameof(AdminOnly))]
    public async Task A_member_is_refused_every_admin_endpoint(string method, string url)
    {
        var member = await app.Host.RegisterMemberAsync();
        var other = await app.Host.RegisterMemberAsync();
        await app.Host.Scenario(x =>
        {
            Request(x, method, url.Replace("{member}", other.Id.ToString()));
            x.As(member);
            x.StatusCodeShouldBe(403);
        });
    }

    [Theory]
    [MemberData(nameof(AdminOnly))]
    public async Task An_anonymous_visitor_is_refused_every_admin_endpoint(string method, string url)
    {
        var other = await app.Host.RegisterMemberAsync();
        await app.Host.Scenario(x =>
        {
            Request(x, method, url.Replace("{member}", other.Id.ToString()));
            // The API answers 401; a page sends the visitor to sign in.
            if (url.StartsWith("/api/")) x.StatusCodeShouldBe(401);
            else
            {
                x.StatusCodeShouldBe(302);
                x.Header("Location").SingleValueShouldMatch(new System.Text.RegularExpressions.Regex("/inloggen\\?ReturnUrl="));
            }
        });
    }

    private static void Request(Scenario x, string method, string url)
    {
        var body = new { role = MemberRoles.Provider, sessionId = Guid.NewGuid() };
        if (method == "GET") x.Get.Url(url);
        else if (method == "DELETE") x.Delete.Url(url);
        else if (method == "PUT") x.Put.Json(body).ToUrl(url);
        else x.Post.Json(body).ToUrl(url);
    }

    [Fact]
    public async Task Granting_and_revoking_a_role_is_kept_in_the_audit_with_who_did_it()
    {
        var admin = await app.AdminAsync();
        var member = await app.Host.RegisterMemberAsync($"Mo Derator {Guid.NewGuid().ToString()[..4]}");
        await app.Host.GrantAsync(admin, member, MemberRoles.Moderator);
        await app.Host.RevokeAsync(admin, member, MemberRoles.Moderator);

        var audit = await (await app.Host.Scenario(x => { x.Get.Url("/api/admin/roles"); x.As(admin); })).ReadAsJsonAsync<List<RoleChangeView>>();
        var changes = audit!.Where(c => c.Member.Id == member.Id).ToList();
        changes.Select(c => c.Change).ShouldBe(["revoked", "granted"]);
        changes.ShouldAllBe(c => c.Role == MemberRoles.Moderator && c.By!.Id == admin.Id);

        var found = await (await app.Host.Scenario(x => { x.Get.Url($"/api/admin/members?q={Uri.EscapeDataString(member.Name)}"); x.As(admin); })).ReadAsJsonAsync<List<MemberRolesView>>();
        found!.ShouldHaveSingleItem().Roles.ShouldBeEmpty();
        var page = await app.Host.Scenario(x => { x.Get.Url("/beheer/rollen"); x.As(admin); });
        (await page.ReadAsTextAsync()).ShouldContain($"{member.Name}</td>");
    }
}
