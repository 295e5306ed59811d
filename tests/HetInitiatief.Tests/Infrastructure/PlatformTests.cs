using System.Text.Json;
using Alba;

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
        string[] expected =
        [
            "/api/members", "/api/auth/token", "/api/auth/sign-in", "/api/auth/sign-out", "/api/me", "/api/questions", "/api/questions/{id}",
            "/api/questions/{id}/follow-ups", "/api/questions/{id}/follow-ups/{followUpId}/answer", "/api/questions/{id}/reformulations",
            "/api/questions/{id}/goal", "/api/questions/{id}/withdraw", "/api/questions/{id}/coalition", "/api/coalitions/{id}/members",
            "/api/coalitions/{id}/members/me", "/api/coalitions/{id}/members/me/position",
        ];
        paths.EnumerateObject().Select(p => p.Name).ShouldBe(expected, ignoreOrder: true);
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
