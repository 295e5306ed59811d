using System.Text.Json;
using Alba;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Infrastructure;

public sealed class PlatformTests(AppFixture app)
{
    [Fact]
    public async Task Health_is_open_to_probes_and_ready_means_postgres_answers()
    {
        await app.Host.Scenario(x => { x.Get.Url("/health/live"); x.ContentShouldBe("Healthy"); });
        await app.Host.Scenario(x => { x.Get.Url("/health/ready"); x.ContentShouldBe("Healthy"); });
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint_with_its_refusals()
    {
        var result = await app.Host.Scenario(x => x.Get.Url("/openapi/v1.json"));

        using var document = JsonDocument.Parse(await result.ReadAsTextAsync());
        var paths = document.RootElement.GetProperty("paths");
        var apiRoutes = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => (r.StartsWith("/api/") && !r.StartsWith("/api/docs")) || r.StartsWith("/agenda/"))
            .Distinct().ToList();
        apiRoutes.Count.ShouldBeGreaterThan(20);
        paths.EnumerateObject().Select(p => p.Name).ShouldBe(apiRoutes, ignoreOrder: true);
        var reformulate = paths.GetProperty("/api/questions/{id}/reformulations").GetProperty("post");
        reformulate.GetProperty("responses").EnumerateObject().Select(r => r.Name).ShouldBe(["201", "400", "401", "403", "404", "409"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_api_reference_page_is_served()
    {
        await app.Host.Scenario(x =>
        {
            x.Get.Url("/api/docs/");
            x.ContentShouldContain("scalar");
        });
    }
}
