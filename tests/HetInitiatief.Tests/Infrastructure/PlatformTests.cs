using System.Text.Json;
using Alba;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Infrastructure;

public sealed class PlatformTests(AppFixture app)
{
    [Fact]
    public async Task Health_is_open_to_probes_and_ready_means_postgres_answers()
    {
        await app.Host.Scenario(x => { x.Get.Url("/health/live"); x.ContentShouldBe("Healthy"); });
        // The run's app may be degraded by other tests' dead letters (HealthTests checks each reason on its own app).
        (await app.Host.ReadinessAsync()).Checks["postgres"].ShouldBe(new Readiness.Check("Healthy", "PostgreSQL answers"));
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint_with_its_refusals()
    {
        var result = await app.Host.Scenario(x => x.Get.Url("/openapi/v1.json"));

        using var document = JsonDocument.Parse(await result.ReadAsTextAsync());
        var paths = document.RootElement.GetProperty("paths");
        var apiEndpoints = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + e.RoutePattern.RawText!.TrimStart('/'), Endpoint: e))
            .Where(e => e.Route.StartsWith("/agenda/") || (e.Route.StartsWith("/api/") && !e.Route.StartsWith("/api/docs")))
            .ToList();
        var apiRoutes = apiEndpoints.Select(e => e.Route).Distinct().ToList();
        apiRoutes.Count.ShouldBeGreaterThan(20);
        paths.EnumerateObject().Select(p => p.Name).ShouldBe(apiRoutes, ignoreOrder: true);

        var openToAnyone = apiEndpoints.Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.Route).ToHashSet();
        openToAnyone.ShouldContain("/api/auth/token");
        var operations = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Spec: o.Value)))
            .ToList();
        operations.Count.ShouldBeGreaterThan(100);
        foreach (var (path, method, spec) in operations)
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            var responses = spec.GetProperty("responses").EnumerateObject().ToDictionary(r => r.Name, r => r.Value);
            // One success, or a few the endpoint chooses between (201 Created, or 200 when nothing was added).
            responses.Keys.Count(s => s.StartsWith('2')).ShouldBeInRange(1, 2, name);
            spec.GetProperty("tags").EnumerateArray().Single().GetString().ShouldNotBeNullOrEmpty(name);
            spec.GetProperty("summary").GetString().ShouldNotBeNullOrEmpty(name);
            foreach (var (status, response) in responses.Where(r => !r.Key.StartsWith('2')))
            {
                response.GetProperty("content").EnumerateObject().Select(c => c.Name)
                    .ShouldBe(["application/problem+json"], $"{name} {status}");
            }
            if (openToAnyone.Contains(path)) continue;
            responses.ShouldContainKey("401", name);
            spec.GetProperty("security").EnumerateArray().Single().EnumerateObject().Single().Name
                .ShouldBe("Bearer", name);
        }

        var reformulate = paths.GetProperty("/api/questions/{id}/reformulations").GetProperty("post");
        reformulate.GetProperty("responses").EnumerateObject().Select(r => r.Name).ShouldBe(["201", "400", "401", "403", "404", "409"], ignoreOrder: true);
        reformulate.GetProperty("tags")[0].GetString().ShouldBe("Questions");
        var join = paths.GetProperty("/api/coalitions/{id}/members").GetProperty("post").GetProperty("responses");
        join.EnumerateObject().Select(r => r.Name).ShouldBe(["200", "201", "400", "401", "404", "409"], ignoreOrder: true);
        foreach (var success in new[] { "200", "201" })
        {
            join.GetProperty(success).GetProperty("content").GetProperty("application/json").GetProperty("schema")
                .GetProperty("$ref").GetString().ShouldEndWith("/CoalitionWritten");
        }
        var token = paths.GetProperty("/api/auth/token").GetProperty("post");
        token.GetProperty("responses").EnumerateObject().Select(r => r.Name).ShouldBe(["200", "400", "401", "429"], ignoreOrder: true);
        token.TryGetProperty("security", out _).ShouldBeFalse();
        paths.GetProperty("/api/me/portfolio.pdf").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").EnumerateObject().Select(c => c.Name).ShouldBe(["application/pdf"]);

        var schemes = document.RootElement.GetProperty("components").GetProperty("securitySchemes");
        var bearer = schemes.GetProperty("Bearer");
        bearer.GetProperty("type").GetString().ShouldBe("http");
        bearer.GetProperty("scheme").GetString().ShouldBe("bearer");
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
