using GoShop.Analytics.Tests.Support;
using GoShop.BuildingBlocks.Auth;
using GoShop.Testing;

namespace GoShop.Analytics.Tests;

/// <summary>A shop's analytics are its owner's and the admins'; the platform's are the admins'.</summary>
public sealed class AccessTests(AnalyticsApp app) : IClassFixture<AnalyticsApp>
{
    [Fact]
    public async Task A_seller_reads_their_own_shop_but_not_another_and_a_buyer_reads_none()
    {
        var history = new History(seed: 2, shops: 2, new DateOnly(2025, 1, 1), days: 0);
        var (mine, theirs) = (history.Shops[0], history.Shops[1]);
        var order = history.OrderAt(mine, new DateTimeOffset(2025, 8, 1, 10, 0, 0, TimeSpan.FromHours(7)));
        await app.DeliverAsync(history.ShuffledWithRedeliveries());
        var seller = app.As(mine.OwnerId, Roles.Seller);
        var variables = (Guid shop) => new { shop = Operations.Shop(shop), from = "2025-08-01", to = "2025-08-01" };

        var own = await seller.Client.SendAsync(Operations.ShopAnalytics, variables(mine.ShopId));
        var other = await seller.Client.SendAsync(Operations.ShopAnalytics, variables(theirs.ShopId));
        var buyer = await app.As(order.Snapshot.BuyerId).Client.SendAsync(Operations.ShopAnalytics, variables(mine.ShopId));
        var anonymous = await app.Client().SendAsync(Operations.ShopAnalytics, variables(mine.ShopId));
        var admin = await app.Admin().Client.SendAsync(Operations.ShopAnalytics, variables(mine.ShopId));
        var otherForecast = await seller.Client.SendAsync(Operations.ShopForecast, new { shop = Operations.Shop(theirs.ShopId), days = 14 });

        Assert.Equal(1, own.EnsureNoErrors().Get("_entities.0.analytics.orders").GetInt32());
        Assert.Equal(["FORBIDDEN"], other.ErrorCodes);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, other.Get("_entities.0.analytics").ValueKind);
        Assert.Equal(["FORBIDDEN"], buyer.ErrorCodes);
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(1, admin.EnsureNoErrors().Get("_entities.0.analytics.orders").GetInt32());
        Assert.Equal(["FORBIDDEN"], otherForecast.ErrorCodes);
    }

    [Fact]
    public async Task A_product_funnel_is_for_its_seller_and_the_platform_report_for_admins()
    {
        var history = new History(seed: 4, shops: 2, new DateOnly(2025, 1, 1), days: 0);
        var order = history.OrderAt(history.Shops[0], new DateTimeOffset(2025, 8, 3, 10, 0, 0, TimeSpan.FromHours(7)));
        await app.DeliverAsync(history.ShuffledWithRedeliveries());
        var line = order.Snapshot.Lines[0];
        var product = new { product = Operations.Product(line.ProductId), from = "2025-08-03", to = "2025-08-03" };
        var period = new { from = "2025-08-03", to = "2025-08-03" };

        var seller = await app.As(history.Shops[0].OwnerId, Roles.Seller).Client.SendAsync(Operations.ProductAnalytics, product);
        var otherSeller = await app.As(history.Shops[1].OwnerId, Roles.Seller).Client.SendAsync(Operations.ProductAnalytics, product);
        var sellerOnPlatform = await app.As(history.Shops[0].OwnerId, Roles.Seller).Client.SendAsync(Operations.PlatformAnalytics, period);
        var admin = await app.Admin().Client.SendAsync(Operations.PlatformAnalytics, period);

        Assert.Equal((1, line.Quantity, line.LineTotal), (seller.EnsureNoErrors().Get("_entities.0.analytics.orders").GetInt32(),
            seller.Get("_entities.0.analytics.units").GetInt32(), seller.Get("_entities.0.analytics.revenue.amount").GetDecimal()));
        Assert.Equal(["FORBIDDEN"], otherSeller.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], sellerOnPlatform.ErrorCodes);
        Assert.True(admin.EnsureNoErrors().Get("platformAnalytics.orders").GetInt32() >= 1);
    }
}
