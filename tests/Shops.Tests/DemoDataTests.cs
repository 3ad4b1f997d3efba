using GoShop.BuildingBlocks.Data;
using GoShop.Contracts.Demo;
using GoShop.Contracts.Shops;
using GoShop.Shops.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Shops.Tests;

public sealed class DemoDataTests(ShopsApp app) : IClassFixture<ShopsApp>
{
    [Fact]
    public async Task Seeding_twice_leaves_the_ten_demo_shops_and_their_coupons_once()
    {
        await SeedAsync();
        await SeedAsync();

        var shops = await app.InDatabaseAsync(db => db.Shops.AsNoTracking().Where(s => s.OwnerId == DemoShops.OwnerId).ToListAsync());
        Assert.Equal(DemoShops.All.Select(d => (d.Id, d.Slug)).Order(), shops.Select(s => (s.Id, s.Slug)).Order());
        var hoanKiem = shops.Single(s => s.Id == DemoShops.All[0].Id);
        Assert.Equal(DemoShops.All[0].Latitude, hoanKiem.Position.Lat, 6);
        Assert.Equal(DemoShops.All[0].Longitude, hoanKiem.Position.Lng, 6);
        Assert.Equal(2, await app.InDatabaseAsync(db => db.Promotions.CountAsync(p => p.Id == ShopsDemoData.TenPercentOffId || p.Id == ShopsDemoData.FiftyThousandOffId)));

        var quote = await app.Coupons().QuoteAsync(
            new CouponQuoteRequest(DemoShops.All[0].Id, "goshop10", Guid.CreateVersion7(), new CouponMoney(300_000, "VND"), []), CancellationToken.None);
        Assert.True(quote.Applicable);
        Assert.Equal(new CouponMoney(30_000, "VND"), quote.Discount);
    }

    private async Task SeedAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
            await seeder.SeedAsync(CancellationToken.None);
    }
}
