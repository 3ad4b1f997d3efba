using GoShop.Catalog.Tests.Support;
using GoShop.Contracts.Reviews;
using GoShop.Testing;
using MassTransit;

namespace GoShop.Catalog.Tests;

/// <summary>Product.ratingAverage and ratingCount follow the reviews subgraph's RatingSummaryChanged, keeping the newest by version.</summary>
[Collection(CatalogCollection.Name)]
public sealed class RatingTests(CatalogApp app)
{
    [Fact]
    public async Task A_products_ratings_follow_the_newest_review_summary_and_ignore_late_older_ones()
    {
        await app.Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        var seller = await app.SellerAsync();
        var productId = await seller.CreateProductIdAsync();
        var bus = app.Service<IBus>();
        var now = app.Clock.GetUtcNow();
        RatingSummaryChanged Summary(decimal average, int count, long version) =>
            new(ReviewSubjects.Product, Guid.Parse(productId), average, count, [0, 0, 0, count, 0], 0, version, now);

        await bus.Publish(Summary(4.5m, 2, 2));
        await Eventually.HoldsAsync(async () => (await RatingsAsync(productId)).GetProperty("ratingCount").GetInt32() == 2, "version 2 to be applied");
        // An older summary arriving late, and another subject's with the same id, change nothing.
        await bus.Publish(Summary(1m, 1, 1));
        await bus.Publish(Summary(3m, 9, 9) with { SubjectKind = ReviewSubjects.Shop });
        await bus.Publish(Summary(4.25m, 4, 3));
        await Eventually.HoldsAsync(async () => (await RatingsAsync(productId)).GetProperty("ratingCount").GetInt32() == 4, "version 3 to be applied");
        await Task.Delay(300);

        var product = await RatingsAsync(productId);
        Assert.Equal((4.25, 4), (product.GetProperty("ratingAverage").GetDouble(), product.GetProperty("ratingCount").GetInt32()));
    }

    private async Task<System.Text.Json.JsonElement> RatingsAsync(string productId) =>
        (await app.Client().SendAsync("query($id: ID!) { product(id: $id) { ratingAverage ratingCount } }", new { id = productId }))
        .EnsureNoErrors().Get("product");
}
