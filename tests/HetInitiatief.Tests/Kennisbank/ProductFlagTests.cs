using Alba;
using HetInitiatief.Moderation;
using HetInitiatief.Tests.Moderation;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Kennisbank;

/// <summary>A product is flagged like any contribution; hidden, only its authors still see it.</summary>
public sealed class ProductFlagTests(AppFixture app)
{
    [Fact]
    public async Task A_product_flagged_by_three_members_is_hidden_from_everyone_but_its_authors()
    {
        var author = await app.Host.RegisterMemberAsync();
        var unique = "z" + Guid.NewGuid().ToString("N")[..8];
        var product = await app.Host.PublishProductAsync(author,
            KennisbankSteps.AProduct(body: $"Reclame voor {unique} koop nu", visibility: "openbaar"));
        var flaggers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.Host.RegisterMemberAsync()));

        foreach (var flagger in flaggers) await app.Host.FlagAsync(flagger, ContentTypes.Product, product.ProductId,
            "Dit is reclame.");

        await app.Host.Scenario(x =>
            { x.Get.Url($"/api/kennisbank/{product.ProductId}"); x.As(flaggers[0]); x.StatusCodeShouldBe(404); });
        await app.Host.Scenario(x => { x.Get.Url($"/api/kennisbank/{product.ProductId}"); x.StatusCodeShouldBe(404); });
        (await app.Host.SearchProductsAsync(flaggers[0], $"q={unique}")).ShouldBeEmpty();
        (await app.Host.GetProductAsync(author, product.ProductId)).Title.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task An_author_cannot_flag_their_own_product()
    {
        var author = await app.Host.RegisterMemberAsync();
        var product = await app.Host.PublishProductAsync(author);

        await app.Host.FlagAsync(author, ContentTypes.Product, product.ProductId, "Eigen werk.", status: 400);
    }
}
