using GoShop.Contracts.Reviews;
using GoShop.Testing;
using MassTransit;

namespace GoShop.Shops.Tests;

/// <summary>Shop.ratingAverage and ratingCount follow the reviews subgraph's RatingSummaryChanged, keeping the newest by version.</summary>
public sealed class RatingTests(ShopsApp app) : IClassFixture<ShopsApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_shops_rating_follows_the_newest_shop_review_summary_and_ignores_late_older_ones()
    {
        var shopId = await app.NewUser().CreateShopIdAsync(Operations.ShopInput($"Được Chấm {ShopMutationTests.Unique()}"));
        var bus = app.Service<IBus>();
        var now = app.Clock.GetUtcNow();
        RatingSummaryChanged Summary(decimal average, int count, long version) =>
            new(ReviewSubjects.Shop, shopId, average, count, [0, 0, 0, count, 0], 0, version, now);

        await bus.Publish(Summary(4.5m, 2, 2));
        await Eventually.HoldsAsync(async () => (await RatingsAsync(shopId)).Get("ratingCount").GetInt32() == 2, "version 2 to be applied");
        await bus.Publish(Summary(1m, 1, 1));
        await bus.Publish(Summary(2m, 9, 9) with { SubjectKind = ReviewSubjects.Product });
        await bus.Publish(Summary(4.25m, 4, 3));
        await Eventually.HoldsAsync(async () => (await RatingsAsync(shopId)).Get("ratingCount").GetInt32() == 4, "version 3 to be applied");
        await Task.Delay(300);

        var shop = await RatingsAsync(shopId);
        Assert.Equal((4.25, 4), (shop.Get("ratingAverage").GetDouble(), shop.Get("ratingCount").GetInt32()));
    }

    private async Task<System.Text.Json.JsonElement> RatingsAsync(Guid shopId) =>
        (await app.Client().SendAsync("query($id: ID!) { shop(id: $id) { ratingAverage ratingCount } }", new { id = shopId })).EnsureNoErrors().Get("shop");
}
