using GoShop.BuildingBlocks.Data;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Demo;
using GoShop.Contracts.Ordering;
using GoShop.Notifications.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Notifications.Tests;

/// <summary>The demo accounts of <c>make up</c> are reachable by email, and the demo seller hears of the demo shops, without identity's or shops' events.</summary>
public sealed class DemoDataTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    [Fact]
    public async Task After_seeding_the_demo_buyer_is_mailed_and_the_demo_seller_hears_of_their_shops()
    {
        await SeedAsync();
        await SeedAsync();

        var buyer = app.As(DemoAccounts.BuyerId);
        var seller = app.As(DemoAccounts.SellerId);
        var order = Scenarios.Order(buyer, seller, DemoShops.All[0].Id);
        await app.DeliverAsync(new OrderConfirmed(order, new OrderActor("SELLER", seller.Id, null), DateTimeOffset.UtcNow));
        await app.DeliverAsync(new LowStockReached(Guid.NewGuid(), null, DemoShops.All[0].Id, "Tai nghe", 2, 5, DateTimeOffset.UtcNow));
        await app.DispatchAsync();

        var mail = Assert.Single(app.Mailbox.To(DemoAccounts.BuyerEmail), m => (m.Subject ?? "").Contains(order.Number));
        Assert.Contains("Người bán đã xác nhận", mail.TextBody);
        var recipient = await app.InDatabaseAsync(db => db.Recipients.AsNoTracking().SingleAsync(r => r.UserId == DemoAccounts.BuyerId));
        Assert.Equal((DemoAccounts.Buyer.FullName, DemoAccounts.Buyer.Phone), (recipient.FullName, recipient.Phone));
        Assert.Single(app.Mailbox.To(DemoAccounts.SellerEmail), m => (m.Subject ?? "").Contains("Tai nghe"));
        Assert.Equal(DemoAccounts.All.Count, await app.InDatabaseAsync(db => db.Recipients.CountAsync(r => r.Email != null)));
        Assert.Equal(DemoShops.All.Count, await app.InDatabaseAsync(db => db.ShopOwners.CountAsync(s => s.OwnerId == DemoAccounts.SellerId)));
    }

    private async Task SeedAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
            await seeder.SeedAsync(CancellationToken.None);
    }
}
