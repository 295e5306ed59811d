using Alba;
using HetInitiatief.Kennisbank;
using HetInitiatief.Tests.Infrastructure;

namespace HetInitiatief.Tests.Kennisbank;

/// <summary>Publishing, co-authoring, revising and using a product, and who may read it.</summary>
public sealed class ProductTests(AppFixture app)
{
    [Fact]
    public async Task An_invited_colleague_who_accepts_becomes_an_author_and_revises()
    {
        var author = await app.Host.RegisterMemberAsync("Anne Auteur");
        var colleague = await app.Host.RegisterMemberAsync("Cas Collega");
        var product = await app.Host.PublishProductAsync(author);

        await app.Host.InviteCoAuthorAsync(author, product.ProductId, colleague.Id);
        await app.Host.AnswerCoAuthorshipAsync(colleague, product.ProductId, accept: true);
        await app.Host.ReviseProductAsync(colleague, product.ProductId, KennisbankSteps.ARevision(expectedVersion: 3));

        var view = await app.Host.GetProductAsync(author, product.ProductId);
        view.Authors.Select(a => a.Name).ShouldBe(["Anne Auteur", "Cas Collega"]);
        view.Title.ShouldBe("Woordweb, tweede versie");
        view.Versions.Select(v => (v.Revision, v.By.Name)).ShouldBe([(2, "Cas Collega"), (1, "Anne Auteur")]);
    }

    [Fact]
    public async Task The_invitee_is_notified_and_may_decline()
    {
        var author = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var product = await app.Host.PublishProductAsync(author);

        await app.Host.InviteCoAuthorAsync(author, product.ProductId, colleague.Id);

        (await Eventually.TrueAsync(async () =>
        {
            var result = await app.Host.Scenario(x => { x.Get.Url("/api/me/notifications"); x.As(colleague); });
            return (await result.ReadAsTextAsync()).Contains("co-auteur");
        })).ShouldBeTrue();
        await app.Host.AnswerCoAuthorshipAsync(colleague, product.ProductId, accept: false);
        var view = await app.Host.GetProductAsync(author, product.ProductId);
        (view.Authors.Count, view.Invited.Count).ShouldBe((1, 0));
        await app.Host.ReviseProductAsync(colleague, product.ProductId, KennisbankSteps.ARevision(3), status: 403);
    }

    [Fact]
    public async Task A_member_who_is_no_author_may_not_revise_or_invite()
    {
        var author = await app.Host.RegisterMemberAsync();
        var stranger = await app.Host.RegisterMemberAsync();
        var product = await app.Host.PublishProductAsync(author);

        var revise = await app.Host.ReviseProductAsync(stranger, product.ProductId, KennisbankSteps.ARevision(1),
            status: 403);
        (await revise.ProblemAsync()).Detail.ShouldContain("auteurs");
        await app.Host.InviteCoAuthorAsync(stranger, product.ProductId, stranger.Id, status: 403);
    }

    [Fact]
    public async Task A_revision_based_on_a_stale_version_is_refused_naming_expectedVersion()
    {
        var author = await app.Host.RegisterMemberAsync();
        var product = await app.Host.PublishProductAsync(author);
        await app.Host.ReviseProductAsync(author, product.ProductId, KennisbankSteps.ARevision(1));

        var stale = await app.Host.ReviseProductAsync(
            author, product.ProductId, KennisbankSteps.ARevision(1, "Mijn andere versie"), status: 409);

        stale.Context.Response.ContentType.ShouldBe("application/problem+json");
        (await stale.ProblemAsync()).Errors!.Keys.ShouldBe(["expectedVersion"]);
        (await app.Host.GetProductAsync(author, product.ProductId)).Versions.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Two_simultaneous_revisions_of_one_version_let_exactly_one_through()
    {
        var author = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var product = await app.Host.PublishProductAsync(author);
        await app.Host.InviteCoAuthorAsync(author, product.ProductId, colleague.Id);
        await app.Host.AnswerCoAuthorshipAsync(colleague, product.ProductId, accept: true);

        var statuses = await Task.WhenAll(new[] { author, colleague, author, colleague }.Select(async (who, i) =>
            (await app.Host.ReviseProductAsync(
                    who, product.ProductId, KennisbankSteps.ARevision(3, $"Versie van schrijver {i}"), status: null))
                .Context.Response.StatusCode));

        statuses.Count(s => s == 201).ShouldBe(1);
        statuses.Count(s => s == 409).ShouldBe(3);
        (await app.Host.GetProductAsync(author, product.ProductId)).Versions.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_visitor_reads_a_public_product_but_not_a_members_one()
    {
        var author = await app.Host.RegisterMemberAsync();
        var open = await app.Host.PublishProductAsync(author, KennisbankSteps.AProduct(visibility: "openbaar"));
        var closed = await app.Host.PublishProductAsync(author);

        (await app.Host.GetProductAsync(null, open.ProductId)).Visibility.ShouldBe("openbaar");
        var refused = await app.Host.Scenario(x =>
            { x.Get.Url($"/api/kennisbank/{closed.ProductId}"); x.StatusCodeShouldBe(401); });
        (await refused.ProblemAsync()).Detail.ShouldContain("alleen voor leden");
        await app.Host.Scenario(x => { x.Get.Url($"/api/kennisbank/{Guid.NewGuid()}"); x.StatusCodeShouldBe(404); });
        await app.Host.Scenario(x =>
        {
            x.Post.Json(KennisbankSteps.AProduct()).ToUrl("/api/kennisbank");
            x.StatusCodeShouldBe(401);
        });
        var member = await app.Host.RegisterMemberAsync();
        (await app.Host.GetProductAsync(member, closed.ProductId)).Visibility.ShouldBe("leden");
    }

    [Fact]
    public async Task A_product_with_fields_missing_is_refused_in_Dutch_naming_each_field()
    {
        var author = await app.Host.RegisterMemberAsync();

        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { kind = "film", title = "", themes = Array.Empty<string>(), sector = "po",
                visibility = "leden" }).ToUrl("/api/kennisbank");
            x.As(author);
            x.StatusCodeShouldBe(400);
        });

        var problem = await result.ProblemAsync();
        problem.Errors!.Keys.ShouldBe(["kind", "title", "body", "themes"], ignoreOrder: true);
        problem.Errors["title"].ShouldBe(["Vul een titel in."]);
    }

    [Fact]
    public async Task I_used_this_counts_once_per_member()
    {
        var author = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync("Ilse Gebruiker");
        var product = await app.Host.PublishProductAsync(author);

        foreach (var status in new[] { 201, 200 })
        {
            await app.Host.Scenario(x =>
            {
                x.Post.Json(new { note = "In groep 5 gebruikt, werkte goed." }).ToUrl($"/api/kennisbank/{product.ProductId}/uses");
                x.As(colleague);
                x.StatusCodeShouldBe(status);
            });
        }

        var view = await app.Host.GetProductAsync(colleague, product.ProductId);
        (view.UseCount, view.UsedByMe).ShouldBe((1, true));
        view.Uses.ShouldHaveSingleItem().By.Name.ShouldBe("Ilse Gebruiker");
        (await app.Host.GetProductAsync(author, product.ProductId)).UsedByMe.ShouldBeFalse();
    }
}
