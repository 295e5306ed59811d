using Alba;
using HetInitiatief.Infrastructure;

namespace HetInitiatief.Tests.Infrastructure;

public sealed class SecurityHeadersTests(AppFixture app)
{
    [Theory]
    [InlineData("/", 200)]
    [InlineData("/inloggen", 200)]
    [InlineData("/api/questions", 401)]
    [InlineData("/api/invites/onbekend", 404)]
    [InlineData("/css/site.css", 200)]
    public async Task Every_response_says_no_inline_script_no_framing_no_sniffing_and_no_full_referrer(string url, int status)
    {
        var result = await app.Host.Scenario(x => { x.Get.Url(url); x.StatusCodeShouldBe(status); });

        var headers = result.Context.Response.Headers;
        headers.ContentSecurityPolicy.ToString().ShouldBe(SecurityHeaders.ContentSecurityPolicy);
        headers["X-Content-Type-Options"].ToString().ShouldBe("nosniff");
        headers["Referrer-Policy"].ToString().ShouldBe("strict-origin-when-cross-origin");
        headers["X-Frame-Options"].ToString().ShouldBe("DENY");
    }

    [Fact]
    public void The_policy_allows_script_only_from_the_site_itself()
    {
        var scripts = SecurityHeaders.ContentSecurityPolicy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src"));
        scripts.ShouldBe("script-src 'self'");
    }

    [Fact]
    public void No_page_carries_an_inline_script()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/HetInitiatief.Web"));
        var inline = Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), @"<script(?![^>]*\bsrc=)[^>]*>"))
            .ToList();

        inline.ShouldBeEmpty();
    }
}
