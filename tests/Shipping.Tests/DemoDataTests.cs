using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Data;
using GoShop.Contracts.Demo;
using GoShop.Shipping.Domain;
using GoShop.Shipping.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Shipping.Tests;

/// <summary>What <c>make up</c> seeds: demo shippers around the demo shops, the demo account among them, findable at once.</summary>
public sealed class DemoDataTests(DemoDataTests.SeededApp app) : IClassFixture<DemoDataTests.SeededApp>
{
    public sealed class SeededApp() : ShippingApp(new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" });

    [Fact]
    public async Task The_demo_shipper_waits_available_near_the_first_demo_shop_and_seeding_twice_adds_nothing()
    {
        var shop = DemoShops.All[0];
        // The host seeded when it started; seeding again (every start does) adds nothing.
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
                await seeder.SeedAsync(CancellationToken.None);
        }

        var shippers = await app.InDatabaseAsync(db => db.Shippers.AsNoTracking().ToListAsync());
        var near = (await app.SignIn(Roles.Seller).Client.SendAsync(Operations.AvailableShippers, new { near = new { lat = shop.Latitude, lng = shop.Longitude }, radiusKm = 2.0 }))
            .EnsureNoErrors().Get("availableShippers");

        Assert.Equal(6, shippers.Count);
        Assert.All(shippers, s => Assert.Equal(ShipperStatus.Available, s.Status));
        Assert.Contains(shippers, s => s.Id == DemoAccounts.ShipperId && s.VehicleType == VehicleType.Motorbike);
        Assert.Equal(DemoAccounts.ShipperId, near[0].GetProperty("shipper").Id());
        Assert.InRange(near[0].GetProperty("distanceKm").GetDouble(), 0.3, 0.4);
    }
}
