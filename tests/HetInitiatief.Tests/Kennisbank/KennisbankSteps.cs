using System.Net.Http.Headers;
using Alba;
using HetInitiatief.Kennisbank;
using HetInitiatief.Tests.Infrastructure;

// The steps live in the tests' root namespace, so every feature's tests read them without a using.
namespace HetInitiatief.Tests;

/// <summary>Given/when steps for the kennisbank: a product to publish, published, revised, attached to, read.</summary>
public static class KennisbankSteps
{
    public static object AProduct(
        string title = "Woordweb: een lessenreeks voor nieuwe woorden", string? body = null, string visibility = "leden",
        Guid? questionId = null, Guid? coalitionId = null, string theme = "taal-en-lezen") => new
    {
        kind = "les",
        title,
        body = body ?? "Vier lessen waarin leerlingen nieuwe woorden in een woordweb zetten en ze daarna herhalen.",
        themes = new[] { theme },
        sector = "po",
        visibility,
        questionId,
        coalitionId,
    };

    public static object ARevision(long expectedVersion, string title = "Woordweb, tweede versie",
        string visibility = "leden") => new
    {
        kind = "les",
        title,
        body = "Vijf lessen nu, met een herhaling na een week.",
        themes = new[] { "taal-en-lezen" },
        sector = "po",
        visibility,
        expectedVersion,
    };

    public static async Task<ProductWritten> PublishProductAsync(this IAlbaHost host, TestMember author,
        object? product = null)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(product ?? AProduct()).ToUrl("/api/kennisbank");
            x.As(author);
            x.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<ProductWritten>())!;
    }

    public static Task<IScenarioResult> ReviseProductAsync(
        this IAlbaHost host, TestMember author, Guid productId, object revision, int? status = 201) =>
        host.Scenario(x =>
        {
            x.Post.Json(revision).ToUrl($"/api/kennisbank/{productId}/revisions");
            x.As(author);
            if (status is { } expected) x.StatusCodeShouldBe(expected);
            else x.IgnoreStatusCode();
        });

    public static Task<IScenarioResult> InviteCoAuthorAsync(this IAlbaHost host, TestMember author, Guid productId,
        Guid memberId, int status = 201) =>
        host.Scenario(x =>
        {
            x.Post.Json(new { memberId }).ToUrl($"/api/kennisbank/{productId}/co-authors");
            x.As(author);
            x.StatusCodeShouldBe(status);
        });

    public static Task<IScenarioResult> AnswerCoAuthorshipAsync(this IAlbaHost host, TestMember invitee,
        Guid productId, bool accept, int status = 200) =>
        host.Scenario(x =>
        {
            x.Post.Json(new { accept }).ToUrl($"/api/kennisbank/{productId}/co-authors/me");
            x.As(invitee);
            x.StatusCodeShouldBe(status);
        });

    public static async Task<ProductView> GetProductAsync(this IAlbaHost host, TestMember? viewer, Guid productId)
    {
        var result = await host.Scenario(x =>
        {
            x.Get.Url($"/api/kennisbank/{productId}");
            if (viewer is not null) x.As(viewer);
            x.StatusCodeShouldBeOk();
        });
        return (await result.ReadAsJsonAsync<ProductView>())!;
    }

    public static async Task<IReadOnlyList<ProductCard>> SearchProductsAsync(this IAlbaHost host, TestMember? viewer,
        string query)
    {
        var result = await host.Scenario(x =>
        {
            x.Get.Url($"/api/kennisbank?{query}");
            if (viewer is not null) x.As(viewer);
            x.StatusCodeShouldBeOk();
        });
        return (await result.ReadAsJsonAsync<List<ProductCard>>())!;
    }

    /// <summary>A multipart upload, as a browser or API client sends it, in the form field <c>file</c>.</summary>
    public static async Task<HttpResponseMessage> AttachAsync(
        this IAlbaHost host, TestMember author, Guid productId, string fileName, string contentType, byte[] bytes)
    {
        using var http = host.Server.CreateClient();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var form = new MultipartFormDataContent { { file, "file", fileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/kennisbank/{productId}/attachments")
        {
            Content = form,
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", author.Token) },
        };
        return await http.SendAsync(request);
    }

    /// <summary>A small real-looking pdf: its first bytes are what a pdf starts with.</summary>
    public static byte[] APdf(int size = 2048)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }
}
