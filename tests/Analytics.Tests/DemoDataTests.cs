using GoShop.Analytics.Domain;
using GoShop.Analytics.Facts;
using GoShop.Analytics.Seed;
using GoShop.Analytics.Tests.Support;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Data;
using GoShop.Contracts.Demo;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Analytics.Tests;

/// <summary>The demo shops' 90 days of history: written once, through the facts and the same rollup recount as events.</summary>
public sealed class DemoDataTests(AnalyticsApp app) : IClassFixture<AnalyticsApp>
{
    [Fact]
    public async Task Every_demo_shop_gets_ninety_days_its_seller_can_read_and_a_rebuild_would_not_change()
    {
        await SeedAsync();
        var orders = await app.InDatabaseAsync(db => db.Orders.CountAsync());
        await SeedAsync();

        Assert.Equal(orders, await app.InDatabaseAsync(db => db.Orders.CountAsync()));
        var today = AnalyticsCalendar.DayOf(app.Clock.GetUtcNow());
        var seller = app.As(DemoAccounts.SellerId, Roles.Seller);
        foreach (var shop in DemoShops.All)
        {
            var analytics = (await seller.Client.SendAsync(Operations.ShopAnalytics, new
            {
                shop = Operations.Shop(shop.Id), from = RecountTests.Day(today.AddDays(-AnalyticsDemoData.Days + 1)), to = RecountTests.Day(today),
                granularity = "WEEK",
            })).EnsureNoErrors().Get("_entities.0.analytics");
            Assert.True(analytics.GetProperty("orders").GetInt32() > 300, $"{shop.Name} has {analytics.GetProperty("orders")} orders");
            Assert.True(analytics.GetProperty("productViews").GetInt32() > analytics.GetProperty("orders").GetInt32());
            Assert.True(analytics.Get("refunds.amount").GetDecimal() > 0 && analytics.GetProperty("cancelledOrders").GetInt32() > 0);
            Assert.Contains(analytics.Get("topProducts.0.product.id").GetGuid(), Enumerable.Range(0, DemoIds.ProductsPerShop).Select(i => DemoIds.Product(shop, i)));
        }

        var forecast = (await seller.Client.SendAsync(Operations.ShopForecast, new { shop = Operations.Shop(DemoShops.All[0].Id), days = 14 }))
            .EnsureNoErrors().Get("_entities.0.forecast");
        var days = forecast.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 14).Select(i => RecountTests.Day(today.AddDays(i))), days.Select(d => d.GetProperty("day").GetString()));
        Assert.All(days, d => Assert.True(d.GetProperty("orders").GetDouble() > 0));
        Assert.Equal(28, forecast.Get("backtest.days").GetInt32());
        // The demo history is noisy around a weekly shape: the back-test is off, but by far less than its whole.
        Assert.InRange(forecast.Get("backtest.ordersWeightedError").GetDouble(), 0, 0.6);
        var tooMany = await seller.Client.SendAsync(Operations.ShopForecast, new { shop = Operations.Shop(DemoShops.All[0].Id), days = 29 });
        Assert.Equal(["BAD_USER_INPUT"], tooMany.ErrorCodes);

        var incremental = await app.InDatabaseAsync(db => db.Rollups.AsNoTracking().Where(r => r.Grain == RollupGrain.Day)
            .Select(r => new { r.Scope, r.ScopeId, r.BucketStart, r.Orders, r.GrossSales, r.Refunds, r.Views }).ToListAsync());
        await using (var scope = app.Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RollupRebuild>().RunAsync(DateOnly.MinValue, DateOnly.MaxValue.AddDays(-1), CancellationToken.None);
        var rebuilt = await app.InDatabaseAsync(db => db.Rollups.AsNoTracking().Where(r => r.Grain == RollupGrain.Day)
            .Select(r => new { r.Scope, r.ScopeId, r.BucketStart, r.Orders, r.GrossSales, r.Refunds, r.Views }).ToListAsync());
        Assert.Equal(incremental.OrderBy(r => (r.Scope, r.ScopeId, r.BucketStart)), rebuilt.OrderBy(r => (r.Scope, r.ScopeId, r.BucketStart)));
    }

    private async Task SeedAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
            await seeder.SeedAsync(CancellationToken.None);
    }
}
