using Alba;
using HetInitiatief.Members;
using HetInitiatief.Moderation;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Members;

/// <summary>The Admin and Moderator policies: a refusal in Dutch problem details, and roles read from the profile.</summary>
public sealed class RolePolicyTests(AppFixture app)
{
    [Theory]
    [InlineData("/api/admin/roles", AdminAccess.AdminsOnly)]
    [InlineData("/api/admin/outbox", AdminAccess.AdminsOnly)]
    [InlineData("/api/moderation/radar", Moderators.Refusal)]
    public async Task A_member_without_the_role_is_refused_with_a_Dutch_problem(string url, string refusal)
    {
        var member = await app.Host.RegisterMemberAsync();

        var refused = await app.Host.Scenario(x => { x.Get.Url(url); x.As(member); x.StatusCodeShouldBe(403); });

        refused.Context.Response.ContentType.ShouldBe("application/problem+json");
        var problem = await refused.ProblemAsync();
        problem.Title.ShouldBe("Niet toegestaan");
        problem.Detail.ShouldBe(refusal);
    }

    [Theory]
    [InlineData("/beheer")]
    [InlineData("/beheer/rollen")]
    [InlineData("/beheer/uitgaande-mail")]
    [InlineData("/beheer/vastgelopen-berichten")]
    [InlineData("/moderatie")]
    [InlineData("/moderatie/meldingen")]
    [InlineData("/moderatie/logboek")]
    [InlineData("/moderatie/gezondheid")]
    public async Task A_member_without_the_role_gets_the_Dutch_403_page(string url)
    {
        var member = await app.Host.RegisterMemberAsync();

        var refused = await app.Host.Scenario(x => { x.Get.Url(url); x.As(member); x.StatusCodeShouldBe(403); });

        refused.Context.Response.ContentType.ShouldStartWith("text/html");
        var page = await refused.ReadAsTextAsync();
        page.ShouldContain("Geen toegang");
        page.ShouldContain("niet voor jouw rol");
    }

    [Fact]
    public async Task A_revoked_moderator_is_refused_at_once_with_the_token_they_still_hold()
    {
        var admin = await app.AdminAsync();
        var moderator = await app.Host.RegisterMemberAsync();
        await app.Host.GrantAsync(admin, moderator, MemberRoles.Moderator);
        await app.Host.Scenario(x => { x.Get.Url("/api/moderation/audit"); x.As(moderator); x.StatusCodeShouldBeOk(); });

        await app.Host.RevokeAsync(admin, moderator, MemberRoles.Moderator);

        await app.Host.Scenario(x => { x.Get.Url("/api/moderation/audit"); x.As(moderator); x.StatusCodeShouldBe(403); });
    }

    [Fact]
    public async Task An_admin_passes_the_moderator_policy_too()
    {
        var admin = await app.AdminAsync();
        await app.Host.Scenario(x => { x.Get.Url("/api/moderation/queue"); x.As(admin); x.StatusCodeShouldBeOk(); });
    }
}
