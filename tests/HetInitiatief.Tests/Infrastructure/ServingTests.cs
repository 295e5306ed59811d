using Alba;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>Pages and files travel compressed, and a static file with a version in its URL is cached for a year.</summary>
public sealed class ServingTests(AppFixture app)
{
    [Theory]
    [InlineData("/css/site.css")]
    [InlineData("/lib/signalr/signalr.min.js")]
    public async Task Static_files_are_sent_with_brotli_to_a_browser_that_accepts_it(string path)
    {
        using var http = app.Host.Server.CreateClient();
        var plain = await http.GetByteArrayAsync(path);

        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { AcceptEncoding = { new("br") } } };
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        var sent = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        sent.Length.ShouldBeLessThan(plain.Length / 2);
    }

    [Fact]
    public async Task Pages_are_sent_with_gzip_when_brotli_is_not_accepted()
    {
        using var http = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/over") { Headers = { AcceptEncoding = { new("gzip") } } };
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
    }

    [Fact]
    public async Task The_layout_links_versioned_files_and_those_are_cached_for_a_year()
    {
        var page = await (await app.Host.Scenario(x => x.Get.Url("/"))).ReadAsTextAsync();
        var css = System.Text.RegularExpressions.Regex.Match(page, "/css/site\\.css\\?v=[^\"]+").Value;
        css.ShouldNotBeEmpty();
        page.ShouldMatch("/lib/signalr/signalr\\.min\\.js\\?v=");

        using var http = app.Host.Server.CreateClient();
        using var versioned = await http.GetAsync(css, TestContext.Current.CancellationToken);
        versioned.Headers.CacheControl.ShouldNotBeNull();
        versioned.Headers.CacheControl.Public.ShouldBeTrue();
        versioned.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromDays(365));
        versioned.Headers.CacheControl.Extensions.ShouldContain(e => e.Name == "immutable");

        using var unversioned = await http.GetAsync("/css/site.css", TestContext.Current.CancellationToken);
        unversioned.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromMinutes(5));
    }
}
