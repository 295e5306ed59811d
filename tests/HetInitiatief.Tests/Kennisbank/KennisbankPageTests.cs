using Alba;
using HetInitiatief.Tests.Infrastructure;
using HetInitiatief.Tests.Moderation;

namespace HetInitiatief.Tests.Kennisbank;

/// <summary>The kennisbank's pages answer each role as the API does.</summary>
public sealed class KennisbankPageTests(AppFixture app)
{
    [Fact]
    public async Task An_author_opens_the_revision_form_and_anyone_else_is_refused()
    {
        var author = await app.Host.RegisterMemberAsync();
        var stranger = await app.Host.RegisterMemberAsync();
        var product = await app.Host.PublishProductAsync(author);

        var form = await app.Host.Scenario(x =>
            { x.Get.Url($"/kennisbank/{product.ProductId}/bewerken"); x.As(author); });
        (await form.ReadAsTextAsync()).ShouldContain("Bewaar de nieuwe versie");
        await app.Host.Scenario(x =>
            { x.Get.Url($"/kennisbank/{product.ProductId}/bewerken"); x.As(stranger); x.StatusCodeShouldBe(403); });
    }

    [Fact]
    public async Task A_visitor_reads_a_public_product_page_and_is_sent_to_sign_in_for_a_members_one()
    {
        var author = await app.Host.RegisterMemberAsync();
        var open = await app.Host.PublishProductAsync(author,
            KennisbankSteps.AProduct("Openbaar woordweb voor iedereen", visibility: "openbaar"));
        var closed = await app.Host.PublishProductAsync(author);

        var page = await app.Host.Scenario(x => x.Get.Url($"/kennisbank/{open.ProductId}"));
        (await page.ReadAsTextAsync()).ShouldContain("Openbaar woordweb voor iedereen");
        var refused = await app.Host.Scenario(x =>
            { x.Get.Url($"/kennisbank/{closed.ProductId}"); x.StatusCodeShouldBe(302); });
        refused.Context.Response.Headers.Location.ToString().ShouldContain("/inloggen");
        await app.Host.Scenario(x => { x.Get.Url($"/kennisbank/{Guid.NewGuid()}"); x.StatusCodeShouldBe(404); });
        await app.Host.Scenario(x => { x.Get.Url("/kennisbank"); x.StatusCodeShouldBeOk(); });
    }

    [Fact]
    public async Task The_theme_page_and_the_question_page_show_what_was_made()
    {
        var author = await app.Host.RegisterMemberAsync();
        var title = $"Kunstkaarten {Guid.NewGuid().ToString("N")[..6]} voor groep 7";
        var question = await app.Host.PostQuestionAsync(author, QuestionSteps.AUniqueQuestion("kunst-en-cultuur"));
        await app.Host.PublishProductAsync(author,
            KennisbankSteps.AProduct(title, theme: "kunst-en-cultuur", questionId: question.QuestionId));

        var themes = await app.Host.Scenario(x => { x.Get.Url("/themas"); x.As(author); });
        (await themes.ReadAsTextAsync()).ShouldContain(title);
        var page = await (await app.Host.Scenario(x =>
        {
            x.Get.Url($"/vragen/{question.QuestionId}");
            x.As(author);
        })).ReadAsTextAsync();
        page.ShouldContain("Wat deze coalitie maakte");
        page.ShouldContain(title);
    }

    [Fact]
    public async Task A_flagged_product_links_the_moderator_to_the_product()
    {
        var author = await app.Host.RegisterMemberAsync();
        var flagger = await app.Host.RegisterMemberAsync();
        var moderator = await app.ModeratorAsync();
        var product = await app.Host.PublishProductAsync(author);
        await app.Host.FlagAsync(flagger, HetInitiatief.Moderation.ContentTypes.Product, product.ProductId, "Dit hoort hier niet.");

        var queue = await app.Host.Scenario(x => { x.Get.Url("/moderatie/meldingen"); x.As(moderator); });

        (await queue.ReadAsTextAsync()).ShouldContain($"/kennisbank/{product.ProductId}");
    }
}
