using System.Net.Http.Json;
using Alba;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>Issue 12, defect 9: another site cannot make a member's browser write with the member's cookie.</summary>
public sealed class SameOriginWritesTests(AppFixture app)
{
    private const string Elsewhere = "https://aanvaller.example";

    [Fact]
    public async Task A_write_with_the_members_cookie_from_another_origin_is_a_Dutch_403_and_changes_nothing()
    {
        var owner = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(owner);
        var cookie = await CookieAsync(owner);

        var refused = await app.Host.Scenario(x =>
        {
            x.Post.Url($"/api/questions/{question.QuestionId}/withdraw");
            x.WithRequestHeader("Cookie", cookie);
            x.WithRequestHeader("Origin", Elsewhere);
            x.StatusCodeShouldBe(403);
        });

        refused.Context.Response.ContentType.ShouldBe("application/problem+json");
        (await refused.ProblemAsync()).Detail.ShouldContain("andere website");
        // Nothing was withdrawn: from the site itself the same write still succeeds, once.
        await app.Host.Scenario(x =>
        {
            x.Post.Url($"/api/questions/{question.QuestionId}/withdraw");
            x.WithRequestHeader("Cookie", cookie);
            x.WithRequestHeader("Origin", "http://localhost");
            x.WithRequestHeader("Sec-Fetch-Site", "same-origin");
            x.StatusCodeShouldBeOk();
        });
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Referer", "https://aanvaller.example/pagina")]
    [InlineData("Origin", "null")]
    public async Task A_cookie_write_is_refused_when_the_browser_says_it_comes_from_elsewhere(string header, string value)
    {
        var member = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(await app.Host.RegisterMemberAsync());
        var cookie = await CookieAsync(member);

        await app.Host.Scenario(x =>
        {
            x.Post.Url($"/api/questions/{question.QuestionId}/followers");
            x.WithRequestHeader("Cookie", cookie);
            x.WithRequestHeader(header, value);
            x.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task A_bearer_call_is_not_checked_whatever_origin_it_names()
    {
        var member = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(await app.Host.RegisterMemberAsync());

        await app.Host.Scenario(x =>
        {
            x.Post.Url($"/api/questions/{question.QuestionId}/followers");
            x.As(member);
            x.WithRequestHeader("Origin", Elsewhere);
            x.WithRequestHeader("Sec-Fetch-Site", "cross-site");
            x.StatusCodeShouldBe(201);
        });
    }

    [Fact]
    public async Task A_cookie_write_from_the_site_itself_or_from_a_program_without_browser_headers_is_served()
    {
        var member = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(await app.Host.RegisterMemberAsync());
        var other = await app.Host.PostQuestionAsync(await app.Host.RegisterMemberAsync());
        var cookie = await CookieAsync(member);

        await app.Host.Scenario(x =>
        {
            x.Post.Url($"/api/questions/{question.QuestionId}/followers");
            x.WithRequestHeader("Cookie", cookie);
            x.WithRequestHeader("Referer", "http://localhost/vragen");
            x.StatusCodeShouldBe(201);
        });
        await app.Host.Scenario(x =>
        {
            x.Post.Url($"/api/questions/{other.QuestionId}/followers");
            x.WithRequestHeader("Cookie", cookie);
            x.StatusCodeShouldBe(201);
        });
    }

    /// <summary>Pages rely on antiforgery tokens: every page that takes a POST refuses one without its token.</summary>
    [Fact]
    public async Task Every_page_refuses_a_form_post_without_its_antiforgery_token()
    {
        var admin = await app.AdminAsync();
        var cookie = await CookieAsync(admin);
        var pages = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => !route.StartsWith("/fout", StringComparison.Ordinal))
            .Distinct().ToList();
        pages.Count.ShouldBeGreaterThan(20);

        var accepted = new List<string>();
        foreach (var route in pages)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", Guid.NewGuid().ToString());
            var result = await app.Host.Scenario(x =>
            {
                x.Post.FormData(new Dictionary<string, string> { ["x"] = "y" }).ToUrl(url);
                x.WithRequestHeader("Cookie", cookie);
                x.IgnoreStatusCode();
            });
            if (result.Context.Response.StatusCode != 400) accepted.Add($"{url}: {result.Context.Response.StatusCode}");
        }

        accepted.ShouldBeEmpty();
    }

    private async Task<string> CookieAsync(TestMember member)
    {
        var client = app.Host.Server.CreateClient();
        var signIn = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = member.Email, password = member.Password });
        signIn.EnsureSuccessStatusCode();
        return string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }
}
