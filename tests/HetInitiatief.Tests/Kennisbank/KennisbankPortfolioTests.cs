using Alba;
using HetInitiatief.Membership;
using HetInitiatief.Tests.Infrastructure;
using HetInitiatief.Tests.Membership;

namespace HetInitiatief.Tests.Kennisbank;

/// <summary>What a member made and used in the kennisbank counts in their portfolio.</summary>
public sealed class KennisbankPortfolioTests(AppFixture app, NetworkOfOne network) : IClassFixture<NetworkOfOne>
{
    [Fact]
    public async Task The_portfolio_lists_products_co_authored_and_used()
    {
        var member = network.EarlyBird;
        var colleague = await app.Host.RegisterMemberAsync();
        var own = await app.Host.PublishProductAsync(member,
            KennisbankSteps.AProduct("Mijn eigen rubric voor spreekbeurten"));
        var theirs = await app.Host.PublishProductAsync(colleague, KennisbankSteps.AProduct("Samen gemaakt: woordweb"));
        await app.Host.InviteCoAuthorAsync(colleague, theirs.ProductId, member.Id);
        await app.Host.AnswerCoAuthorshipAsync(member, theirs.ProductId, accept: true);
        var used = await app.Host.PublishProductAsync(colleague,
            KennisbankSteps.AProduct("Protocol voor oudergesprekken"));
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { note = "Gebruikt bij de tienminutengesprekken." }).ToUrl($"/api/kennisbank/{used.ProductId}/uses");
            x.As(member);
            x.StatusCodeShouldBe(201);
        });

        var json = await app.Host.Scenario(x => { x.Get.Url("/api/me/portfolio"); x.As(member); });
        var portfolio = (await json.ReadAsJsonAsync<Portfolio>())!;
        portfolio.Made!.Where(m => m.ProductId == own.ProductId || m.ProductId == theirs.ProductId)
            .Select(m => (m.Title, m.CoAuthor)).ShouldBe([("Mijn eigen rubric voor spreekbeurten", false),
                ("Samen gemaakt: woordweb", true)]);
        portfolio.Used!.ShouldHaveSingleItem().Note.ShouldBe("Gebruikt bij de tienminutengesprekken.");

        var csv = await app.Host.Scenario(x => { x.Get.Url("/api/me/portfolio.csv"); x.As(member); });
        var text = await csv.ReadAsTextAsync();
        text.ShouldContain($"{PortfolioCsv.UsedRow};");
        text.ShouldContain("Protocol voor oudergesprekken");
    }
}
