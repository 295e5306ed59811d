using System.Net;
using System.Net.Http.Json;
using Alba;
using HetInitiatief.Kennisbank;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Kennisbank;

/// <summary>Files attached to a product: the limits, the allowed types, and how they are served.</summary>
public sealed class AttachmentTests(AppFixture app)
{
    [Fact]
    public async Task An_attached_file_is_served_as_a_download_with_its_type()
    {
        var author = await app.Host.RegisterMemberAsync();
        var product = await app.Host.PublishProductAsync(author);
        var pdf = KennisbankSteps.APdf();

        using var response = await app.Host.AttachAsync(author, product.ProductId, "Woordweb groep 5 – één les.pdf",
            "application/pdf", pdf);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var attachment = (await response.Content.ReadFromJsonAsync<AttachmentView>())!;
        var download = await app.Host.Scenario(x => { x.Get.Url(attachment.Url); x.As(author); });
        var headers = download.Context.Response.Headers;
        download.Context.Response.ContentType.ShouldBe("application/pdf");
        headers.ContentDisposition.ToString().ShouldStartWith("attachment;");
        headers.ContentDisposition.ToString().ShouldContain("filename*=UTF-8''Woordweb%20groep%205%20%E2%80%93%20%C3%A9%C3%A9n%20les.pdf");
        headers["X-Content-Type-Options"].ToString().ShouldBe("nosniff");
        (await download.ReadAsTextAsync()).Length.ShouldBe(pdf.Length);
        var view = await app.Host.GetProductAsync(author, product.ProductId);
        view.Attachments.ShouldHaveSingleItem().Size.ShouldBe(pdf.Length);
    }

    [Fact]
    public async Task A_file_larger_than_10_MB_is_refused_naming_the_field()
    {
        var author = await app.Host.RegisterMemberAsync();
        var product = await app.Host.PublishProductAsync(author);

        using var response = await app.Host.AttachAsync(author, product.ProductId, "groot.pdf", "application/pdf",
            KennisbankSteps.APdf((int)Attachments.MaxFileBytes + 1));

        await ShouldBeRefusedAsync(response, "10 MB");
    }

    [Fact]
    public async Task A_file_far_larger_than_allowed_is_refused_before_it_is_read()
    {
        var author = await app.Host.RegisterMemberAsync();
        var product = await app.Host.PublishProductAsync(author);

        using var response = await app.Host.AttachAsync(author, product.ProductId, "heel-groot.pdf", "application/pdf",
            KennisbankSteps.APdf(25 * 1024 * 1024));

        await ShouldBeRefusedAsync(response, "10 MB");
    }

    [Fact]
    public async Task Together_the_files_of_a_product_may_not_exceed_30_MB()
    {
        var author = await app.Host.RegisterMemberAsync();
        var product = await app.Host.PublishProductAsync(author);
        for (var i = 0; i < 3; i++)
        {
            using var ok = await app.Host.AttachAsync(author, product.ProductId, $"deel{i}.pdf", "application/pdf",
                KennisbankSteps.APdf((int)Attachments.MaxFileBytes - 1024));
            ok.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using var response = await app.Host.AttachAsync(author, product.ProductId, "deel4.pdf", "application/pdf",
            KennisbankSteps.APdf(4096));

        await ShouldBeRefusedAsync(response, "30 MB");
    }

    [Theory]
    [InlineData("programma.exe", "application/octet-stream")]
    [InlineData("stiekem.pdf", "application/x-msdownload")]
    [InlineData("pagina.html", "text/html")]
    public async Task A_file_of_a_type_not_allowed_is_refused_naming_the_field(string fileName, string contentType)
    {
        var author = await app.Host.RegisterMemberAsync();
        var product = await app.Host.PublishProductAsync(author);

        using var response = await app.Host.AttachAsync(author, product.ProductId, fileName, contentType,
            KennisbankSteps.APdf());

        await ShouldBeRefusedAsync(response, "Toegestaan");
    }

    [Fact]
    public async Task A_program_renamed_to_pdf_is_refused_by_its_content()
    {
        var author = await app.Host.RegisterMemberAsync();
        var product = await app.Host.PublishProductAsync(author);

        using var response = await app.Host.AttachAsync(
            author, product.ProductId, "les.pdf", "application/pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03]);

        await ShouldBeRefusedAsync(response, "past niet");
    }

    [Fact]
    public async Task Only_an_author_attaches_and_a_members_only_file_is_not_for_visitors()
    {
        var author = await app.Host.RegisterMemberAsync();
        var stranger = await app.Host.RegisterMemberAsync();
        var product = await app.Host.PublishProductAsync(author);
        using var attached = await app.Host.AttachAsync(author, product.ProductId, "les.pdf", "application/pdf",
            KennisbankSteps.APdf());
        var url = (await attached.Content.ReadFromJsonAsync<AttachmentView>())!.Url;

        using var refused = await app.Host.AttachAsync(stranger, product.ProductId, "ook.pdf", "application/pdf",
            KennisbankSteps.APdf());

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await app.Host.Scenario(x => { x.Get.Url(url); x.StatusCodeShouldBe(401); });
        await app.Host.Scenario(x => { x.Get.Url(url); x.As(stranger); x.StatusCodeShouldBeOk(); });
        await app.Host.Scenario(x =>
            { x.Get.Url($"/api/kennisbank/{product.ProductId}/attachments/{Guid.NewGuid()}"); x.As(stranger); x.StatusCodeShouldBe(404); });
    }

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string reason)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<Api.ProblemResponse>())!;
        problem.Errors!.Keys.ShouldBe(["file"]);
        problem.Errors["file"].ShouldHaveSingleItem().ShouldContain(reason);
    }
}
