using GoShop.Contracts.Reviews;
using GoShop.Shipping.Tests.Support;
using GoShop.Testing;
using MassTransit;

namespace GoShop.Shipping.Tests;

/// <summary>Shipper.rating and ratingCount follow the reviews subgraph's RatingSummaryChanged, keeping the newest by version.</summary>
public sealed class RatingTests(ShippingApp app) : IClassFixture<ShippingApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_shippers_rating_follows_the_newest_delivery_review_summary_and_ignores_late_older_ones()
    {
        var shipper = await app.ShipperAsync(ShippingAppExtensions.Somewhere());
        var bus = app.Service<IBus>();
        var now = app.Clock.GetUtcNow();
        RatingSummaryChanged Summary(decimal average, int count, long version) =>
            new(ReviewSubjects.Shipper, shipper.Id, average, count, [0, 0, 0, count, 0], 0, version, now);

        await bus.Publish(Summary(4.5m, 2, 2));
        await Eventually.HoldsAsync(async () => (await app.ShipperStateAsync(shipper.Id)).RatingCount == 2, "version 2 to be applied");
        await bus.Publish(Summary(1m, 1, 1));
        await bus.Publish(Summary(2m, 9, 9) with { SubjectKind = ReviewSubjects.Product });
        await bus.Publish(Summary(4.25m, 4, 3));
        await Eventually.HoldsAsync(async () => (await app.ShipperStateAsync(shipper.Id)).RatingCount == 4, "version 3 to be applied");
        await Task.Delay(300);

        var read = (await app.Client().SendAsync("query($id: ID!) { shipper(id: $id) { rating ratingCount } }", new { id = shipper.Id })).EnsureNoErrors();
        Assert.Equal((4.25, 4), (read.Get("shipper.rating").GetDouble(), read.Get("shipper.ratingCount").GetInt32()));
    }
}
