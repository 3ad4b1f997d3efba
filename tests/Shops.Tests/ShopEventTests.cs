using GoShop.Contracts.Media;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using GoShop.Contracts.Shops;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shops.Tests;

/// <summary>Every shop change leaves a ShopCreated or ShopUpdated in the outbox, written in the same transaction.</summary>
public sealed class ShopEventTests(ShopsApp app) : IClassFixture<ShopsApp>
{
    [Fact]
    public async Task Create_shop_writes_shop_created_with_the_whole_snapshot()
    {
        var seller = app.NewUser();

        var shop = await seller.CreateShopAsync(Operations.ShopInput($"Sự Kiện {ShopMutationTests.Unique()}", lat: 21.0245, lng: 105.853));

        var created = Assert.Single(await EventsOfAsync(shop.Id(), typeof(ShopCreated)));
        var snapshot = created.GetProperty("shop");
        Assert.Equal(shop.Id(), snapshot.GetProperty("shopId").GetGuid());
        Assert.Equal(seller.Id, snapshot.GetProperty("ownerId").GetGuid());
        Assert.Equal(shop.Text("name"), snapshot.Text("name"));
        Assert.Equal(shop.Text("slug"), snapshot.Text("slug"));
        Assert.Equal("ACTIVE", snapshot.Text("status"));
        Assert.Equal(21.0245, snapshot.GetProperty("latitude").GetDouble(), 6);
        Assert.Equal(105.853, snapshot.GetProperty("longitude").GetDouble(), 6);
        Assert.Equal("35 Hàng Bài, Hoàn Kiếm, Hà Nội", snapshot.Text("address"));
        Assert.Equal(["electronics", "home-appliances"], snapshot.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Empty(await EventsOfAsync(shop.Id(), typeof(ShopUpdated)));
    }

    [Fact]
    public async Task A_logo_deleted_in_the_media_subgraph_is_let_go_and_the_banner_kept()
    {
        await app.Factory.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        var seller = app.NewUser();
        var logo = app.Media.Upload(seller.Id);
        var banner = app.Media.Upload(seller.Id);
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Logo {ShopMutationTests.Unique()}")
            .With(("logoMediaId", logo), ("bannerMediaId", banner)));

        await app.Factory.Services.GetRequiredService<IBus>().Publish(new MediaDeleted(logo, seller.Id, DateTimeOffset.UtcNow));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await app.InDatabaseAsync(db => db.Shops.AnyAsync(s => s.Id == shopId && s.LogoMediaId != null)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The MediaDeleted event was not applied within 20 seconds.");
            await Task.Delay(100);
        }
        var shop = await app.InDatabaseAsync(db => db.Shops.AsNoTracking().SingleAsync(s => s.Id == shopId));
        Assert.Equal(banner, shop.BannerMediaId);
        Assert.Single(await EventsOfAsync(shopId, typeof(ShopUpdated)));
    }

    [Fact]
    public async Task Each_change_of_a_shop_writes_shop_updated_with_its_new_state()
    {
        var seller = app.NewUser();
        var admin = app.NewAdmin();
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Đổi Tên {ShopMutationTests.Unique()}"));

        (await seller.Client.MutateAsync(Operations.UpdateShop, new { input = new { shopId, name = "Tên Thứ Hai" } })).Succeeded();
        (await admin.Client.MutateAsync(Operations.SetShopStatus, new { input = new { shopId, status = "SUSPENDED" } })).Succeeded();
        (await seller.Client.MutateAsync(Operations.DeleteShop, new { input = new { shopId } })).Succeeded();

        var updates = await EventsOfAsync(shopId, typeof(ShopUpdated));
        Assert.Equal(["ACTIVE", "SUSPENDED", "CLOSED"], updates.Select(u => u.GetProperty("shop").Text("status")));
        Assert.All(updates, u => Assert.Equal("Tên Thứ Hai", u.GetProperty("shop").Text("name")));
    }

    [Fact]
    public async Task A_refused_change_writes_no_event()
    {
        var seller = app.NewUser();
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Không Đổi {ShopMutationTests.Unique()}"));

        var stranger = await app.NewUser().Client.MutateAsync(Operations.UpdateShop, new { input = new { shopId, name = "Người Lạ" } });
        var invalid = await seller.Client.MutateAsync(Operations.UpdateShop, new { input = new { shopId, email = "nope" } });

        Assert.Equal(["FORBIDDEN"], stranger.UserErrorCodes());
        Assert.Equal(["INVALID_EMAIL"], invalid.UserErrorCodes());

        Assert.Empty(await EventsOfAsync(shopId, typeof(ShopUpdated)));
    }

    /// <summary>The payloads of the outbox messages of one type about a shop, oldest first.</summary>
    private async Task<List<JsonElement>> EventsOfAsync(Guid shopId, Type eventType)
    {
        var payloads = await app.InDatabaseAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType == eventType.FullName)
            .OrderBy(m => m.Id)
            .Select(m => m.Payload)
            .ToListAsync());
        return payloads.Select(p => JsonDocument.Parse(p).RootElement.Clone())
            .Where(e => e.GetProperty("shop").GetProperty("shopId").GetGuid() == shopId)
            .ToList();
    }
}
