using Alba;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>An anonymous caller is refused by every endpoint that is not registration or sign-in.</summary>
public sealed class AuthorizationTests(AppFixture app)
{
    public static TheoryData<string, string> MemberOnlyEndpoints => new()
    {
        { "GET", "/api/me" },
        { "GET", "/api/questions" },
        { "POST", "/api/questions" },
        { "GET", $"/api/questions/{Guid.NewGuid()}" },
        { "POST", $"/api/questions/{Guid.NewGuid()}/follow-ups" },
        { "POST", $"/api/questions/{Guid.NewGuid()}/follow-ups/{Guid.NewGuid()}/answer" },
        { "POST", $"/api/questions/{Guid.NewGuid()}/reformulations" },
        { "PUT", $"/api/questions/{Guid.NewGuid()}/goal" },
        { "POST", $"/api/questions/{Guid.NewGuid()}/withdraw" },
        { "POST", $"/api/questions/{Guid.NewGuid()}/coalition" },
        { "GET", $"/api/questions/{Guid.NewGuid()}/coalition" },
        { "POST", $"/api/coalitions/{Guid.NewGuid()}/members" },
        { "DELETE", $"/api/coalitions/{Guid.NewGuid()}/members/me" },
        { "PUT", $"/api/coalitions/{Guid.NewGuid()}/members/me/position" },
        { "PUT", $"/api/coalitions/{Guid.NewGuid()}/closing-date" },
        { "PUT", $"/api/coalitions/{Guid.NewGuid()}/approach" },
        { "POST", $"/api/coalitions/{Guid.NewGuid()}/approach/revisions" },
        { "POST", $"/api/coalitions/{Guid.NewGuid()}/approach/revisions/{Guid.NewGuid()}/adopt" },
        { "POST", $"/api/coalitions/{Guid.NewGuid()}/trials" },
        { "POST", $"/api/coalitions/{Guid.NewGuid()}/trials/{Guid.NewGuid()}/experiences" },
        { "POST", $"/api/coalitions/{Guid.NewGuid()}/trials/{Guid.NewGuid()}/review" },
        { "POST", $"/api/coalitions/{Guid.NewGuid()}/completion-criteria" },
        { "POST", $"/api/coalitions/{Guid.NewGuid()}/completion-criteria/support" },
        { "POST", $"/api/coalitions/{Guid.NewGuid()}/completion" },
        { "POST", $"/api/coalitions/{Guid.NewGuid()}/updates" },
        { "GET", $"/api/coalitions/{Guid.NewGuid()}/timeline" },
        { "GET", "/api/initiatives/news" },
        { "POST", $"/api/coalitions/{Guid.NewGuid()}/experiences/{Guid.NewGuid()}/attachments" },
        { "GET", $"/api/coalitions/{Guid.NewGuid()}/experiences/{Guid.NewGuid()}/attachments/{Guid.NewGuid()}" },
        { "POST", $"/api/questions/{Guid.NewGuid()}/followers" },
        { "GET", $"/api/questions/{Guid.NewGuid()}/followers" },
        { "DELETE", $"/api/questions/{Guid.NewGuid()}/followers/me" },
        { "GET", "/api/me/notifications" },
        { "POST", "/api/me/notifications/read" },
        { "GET", "/api/me/coalitions" },
        { "POST", "/api/sessions" },
        { "GET", "/api/sessions" },
        { "GET", $"/api/sessions/{Guid.NewGuid()}" },
        { "GET", $"/api/sessions/{Guid.NewGuid()}/calendar.ics" },
        { "POST", $"/api/sessions/{Guid.NewGuid()}/sign-ups" },
        { "DELETE", $"/api/sessions/{Guid.NewGuid()}/sign-ups/me" },
        { "GET", "/api/me/sessions" },
        { "POST", $"/api/sessions/{Guid.NewGuid()}/cancel" },
        { "PUT", $"/api/sessions/{Guid.NewGuid()}/schedule" },
        { "PUT", $"/api/sessions/{Guid.NewGuid()}/attendance" },
        { "POST", $"/api/sessions/{Guid.NewGuid()}/feedback" },
        { "PUT", $"/api/questions/{Guid.NewGuid()}/goal-outcome" },
        { "POST", $"/api/questions/{Guid.NewGuid()}/success-stories" },
        { "GET", "/api/success-stories" },
        { "POST", "/api/me/calendar-feed" },
        { "GET", "/api/me/calendar-feed" },
        { "DELETE", "/api/me/calendar-feed" },
        { "POST", $"/api/coalitions/{Guid.NewGuid()}/proposals" },
        { "GET", $"/api/coalitions/{Guid.NewGuid()}/proposals" },
        { "PUT", $"/api/proposals/{Guid.NewGuid()}" },
        { "POST", $"/api/proposals/{Guid.NewGuid()}/reactions" },
        { "POST", $"/api/proposals/{Guid.NewGuid()}/changes-requested" },
        { "POST", $"/api/proposals/{Guid.NewGuid()}/accept" },
        { "POST", $"/api/members/{Guid.NewGuid()}/roles" },
        { "DELETE", $"/api/members/{Guid.NewGuid()}/roles/provider" },
        { "PUT", "/api/me/offering" },
        { "PUT", "/api/me/provider-themes" },
        { "GET", "/api/themes" },
        { "POST", "/api/kennisbank" },
        { "POST", $"/api/kennisbank/{Guid.NewGuid()}/revisions" },
        { "POST", $"/api/kennisbank/{Guid.NewGuid()}/co-authors" },
        { "POST", $"/api/kennisbank/{Guid.NewGuid()}/co-authors/me" },
        { "POST", $"/api/kennisbank/{Guid.NewGuid()}/attachments" },
        { "POST", $"/api/kennisbank/{Guid.NewGuid()}/uses" },
        { "POST", "/api/network/joint-start" },
        { "POST", "/api/network/opening" },
        { "PUT", "/api/me/profile" },
        { "PUT", "/api/me/early-bird-listing" },
        { "GET", $"/api/members/{Guid.NewGuid()}" },
        { "POST", $"/api/questions/{Guid.NewGuid()}/endorsements" },
        { "DELETE", $"/api/questions/{Guid.NewGuid()}/endorsements/me" },
        { "POST", $"/api/coalitions/{Guid.NewGuid()}/endorsements" },
        { "DELETE", $"/api/coalitions/{Guid.NewGuid()}/endorsements/me" },
        { "GET", "/api/admin/roles" },
        { "POST", "/api/flags" },
        { "GET", "/api/admin/members" },
        { "GET", "/api/me/data" },
        { "POST", "/api/me/delete" },
        { "POST", $"/api/questions/{Guid.NewGuid()}/links" },
        { "GET", $"/api/questions/{Guid.NewGuid()}/similar" },
        { "GET", "/api/questions/similar?text=woorden" },
        { "POST", $"/api/coalitions/{Guid.NewGuid()}/handover" },
        { "POST", $"/api/coalitions/{Guid.NewGuid()}/handover/accept" },
        { "POST", $"/api/coalitions/{Guid.NewGuid()}/initiator" },
        { "POST", "/api/invites" },
        { "GET", "/api/invites" },
        { "GET", "/api/me/notification-preferences" },
        { "PUT", "/api/me/notification-preferences" },
        { "GET", "/api/admin/outbox" },
        { "POST", "/api/admin/digest/run" },
        { "POST", $"/api/admin/outbox/{Guid.NewGuid()}/resend" },
        { "POST", "/api/memberships" },
        { "GET", "/api/memberships" },
        { "POST", $"/api/memberships/{Guid.NewGuid()}/end" },
        { "GET", "/api/me/membership" },
        { "GET", "/api/me/portfolio" },
        { "GET", "/api/me/portfolio.csv" },
        { "GET", "/api/me/portfolio.pdf" },
        { "GET", "/api/health" },
        { "POST", "/api/health/rebuild" },
    };

    [Theory]
    [MemberData(nameof(MemberOnlyEndpoints))]
    public async Task Anonymous_callers_get_a_401_problem(string method, string url)
    {
        var result = await app.Host.Scenario(x =>
        {
            if (method == "GET") x.Get.Url(url);
            else if (method == "DELETE") x.Delete.Url(url);
            else if (method == "PUT") x.Put.Json(new { }).ToUrl(url);
            else x.Post.Json(new { }).ToUrl(url);
            x.StatusCodeShouldBe(401);
        });

        result.Context.Response.ContentType.ShouldStartWith("application/problem+json");
    }

    [Fact]
    public async Task Pages_send_anonymous_visitors_to_sign_in()
    {
        await app.Host.Scenario(x =>
        {
            x.Get.Url("/vragen/nieuw");
            x.StatusCodeShouldBe(302);
            x.Header("Location").SingleValueShouldMatch(new System.Text.RegularExpressions.Regex("/inloggen\\?ReturnUrl="));
        });
    }

    [Fact]
    public async Task Signing_out_ends_the_cookie_session()
    {
        var member = await app.Host.RegisterMemberAsync();
        var signIn = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email = member.Email, password = member.Password }).ToUrl("/api/auth/sign-in");
            x.StatusCodeShouldBe(204);
        });
        var cookie = signIn.Context.Response.Headers.SetCookie.ToString().Split(';')[0];

        var signOut = await app.Host.Scenario(x =>
        {
            x.Post.Url("/api/auth/sign-out");
            x.WithRequestHeader("Cookie", cookie);
            x.StatusCodeShouldBe(204);
        });

        signOut.Context.Response.Headers.SetCookie.ToString().ShouldContain("het-initiatief=;");
    }
}
