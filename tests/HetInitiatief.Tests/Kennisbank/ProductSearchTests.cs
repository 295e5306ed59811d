using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Kennisbank;

/// <summary>Finding products: Dutch full-text search over the text and the attachments' names, and the
/// filters.</summary>
public sealed class ProductSearchTests(AppFixture app)
{
    private static string Word() => "z" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Search_finds_a_product_by_a_word_of_its_text_in_another_form()
    {
        var author = await app.Host.RegisterMemberAsync();
        var unique = Word();
        var product = await app.Host.PublishProductAsync(author, KennisbankSteps.AProduct(
            body: $"Een {unique} reeks waarin leerlingen samen woordenschatlessen ontwerpen."));

        var found = await app.Host.SearchProductsAsync(author, $"q={unique}%20woordenschatles");

        found.ShouldHaveSingleItem().Id.ShouldBe(product.ProductId);
    }

    [Fact]
    public async Task Search_finds_a_product_by_the_name_of_its_attachment()
    {
        var author = await app.Host.RegisterMemberAsync();
        var unique = Word();
        var product = await app.Host.PublishProductAsync(author);
        using var attached = await app.Host.AttachAsync(author, product.ProductId, $"{unique}_rubrics.pdf",
            "application/pdf", KennisbankSteps.APdf());

        var found = await app.Host.SearchProductsAsync(author, $"q={unique}");

        found.ShouldHaveSingleItem().AttachmentCount.ShouldBe(1);
    }

    [Fact]
    public async Task Filters_narrow_by_theme_and_sector_and_visitors_find_public_products_only()
    {
        var author = await app.Host.RegisterMemberAsync();
        var unique = Word();
        var forMembers = await app.Host.PublishProductAsync(author, KennisbankSteps.AProduct(body: $"{unique} rekenen",
            theme: "rekenen"));
        var open = await app.Host.PublishProductAsync(author, KennisbankSteps.AProduct(body: $"{unique} lezen",
            visibility: "openbaar"));

        (await app.Host.SearchProductsAsync(author,
            $"q={unique}&theme=rekenen")).ShouldHaveSingleItem().Id.ShouldBe(forMembers.ProductId);
        (await app.Host.SearchProductsAsync(author, $"q={unique}&sector=vo")).ShouldBeEmpty();
        (await app.Host.SearchProductsAsync(null, $"q={unique}")).ShouldHaveSingleItem().Id.ShouldBe(open.ProductId);
    }

    [Fact]
    public async Task The_products_of_a_question_are_listed_with_it()
    {
        var author = await app.Host.RegisterMemberAsync();
        var question = await app.Host.PostQuestionAsync(author, QuestionSteps.AUniqueQuestion());
        var product = await app.Host.PublishProductAsync(author,
            KennisbankSteps.AProduct(questionId: question.QuestionId));

        (await app.Host.SearchProductsAsync(author,
            $"question={question.QuestionId}")).ShouldHaveSingleItem().Id.ShouldBe(product.ProductId);
    }
}
