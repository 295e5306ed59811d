using Alba;
using System.Threading.Channels;
using HetInitiatief.Kennisbank;
using HetInitiatief.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace HetInitiatief.Tests.Kennisbank;

/// <summary>Viewers of a product page hear of its changes over the live hub, and of nothing else.</summary>
public sealed class ProductLiveTests(AppFixture app)
{
    [Fact]
    public async Task A_viewer_of_a_product_hears_of_a_new_version_and_a_use()
    {
        var author = await app.Host.RegisterMemberAsync();
        var viewer = await app.Host.RegisterMemberAsync();
        var product = await app.Host.PublishProductAsync(author);
        var other = await app.Host.PublishProductAsync(author);
        var pushes = Channel.CreateUnbounded<ProductChanged>();
        await using var connection = app.Host.LiveConnection(viewer.Token);
        connection.On<ProductChanged>(ProductChanged.Method, change => pushes.Writer.TryWrite(change));
        await connection.StartAsync(TestContext.Current.CancellationToken);
        await connection.InvokeAsync("WatchProduct", product.ProductId, TestContext.Current.CancellationToken);

        await app.Host.ReviseProductAsync(author, other.ProductId, KennisbankSteps.ARevision(1));
        await app.Host.ReviseProductAsync(author, product.ProductId, KennisbankSteps.ARevision(1));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        // The publication's own push may still be on its way when the page starts watching: it is older, and skipped.
        (await NextAsync(pushes, product.ProductId, c => c.Version > 1,
            timeout.Token)).ShouldBe(new ProductChanged(product.ProductId, 2, "revised"));
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { note = "" }).ToUrl($"/api/kennisbank/{product.ProductId}/uses");
            x.As(viewer);
            x.StatusCodeShouldBe(201);
        });
        (await NextAsync(pushes, product.ProductId, c => c.Version > 2,
            timeout.Token)).ShouldBe(new ProductChanged(product.ProductId, 3, "used"));
    }

    private static async Task<ProductChanged> NextAsync(
        Channel<ProductChanged> pushes, Guid watched, Func<ProductChanged, bool> wanted, CancellationToken ct)
    {
        while (true)
        {
            var change = await pushes.Reader.ReadAsync(ct);
            // Only the watched product's pushes reach this viewer, not the other product's revision.
            change.ProductId.ShouldBe(watched);
            if (wanted(change)) return change;
        }
    }

    [Fact]
    public async Task Watching_an_unknown_product_is_refused()
    {
        var viewer = await app.Host.RegisterMemberAsync();
        await using var connection = app.Host.LiveConnection(viewer.Token);
        await connection.StartAsync(TestContext.Current.CancellationToken);

        await Should.ThrowAsync<Microsoft.AspNetCore.SignalR.HubException>(
            () => connection.InvokeAsync("WatchProduct", Guid.NewGuid()));
    }
}
