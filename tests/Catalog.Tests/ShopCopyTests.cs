using GoShop.Catalog.Tests.Support;
using GoShop.Contracts.Shops;
using GoShop.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Tests;

/// <summary>Catalog's copy of shops follows the shops subgraph's events, delivered through RabbitMQ.</summary>
[Collection(CatalogCollection.Name)]
public sealed class ShopCopyTests(CatalogApp app)
{
    [Fact]
    public async Task Shop_events_keep_the_copy_that_decides_who_lists_products_and_where()
    {
        await app.Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        var owner = app.SignIn("BUYER", "SELLER");
        var shopId = Guid.CreateVersion7();
        var now = app.Clock.GetUtcNow();
        ShopSnapshot Snapshot(string status, double lat) => new(shopId, owner.Id, "Cửa hàng sự kiện", "cua-hang-su-kien-" + shopId.ToString("N"), status, lat, 105.85, "Hà Nội", ["electronics"]);
        var bus = app.Service<IBus>();

        await bus.Publish(new ShopCreated(Snapshot("ACTIVE", 21.03), now));
        await Eventually.HoldsAsync(async () => (await ShopAsync(shopId))?.Status == "ACTIVE", "ShopCreated to be applied");
        var listed = await owner.Client.MutateAsync(Operations.CreateProduct, new { input = CatalogAppExtensions.ProductInput(shopId) });

        await bus.Publish(new ShopUpdated(Snapshot("SUSPENDED", 21.04), now.AddMinutes(1)));
        await Eventually.HoldsAsync(async () => (await ShopAsync(shopId))?.Status == "SUSPENDED", "ShopUpdated to be applied");
        // An older snapshot arriving late changes nothing.
        await bus.Publish(new ShopUpdated(Snapshot("ACTIVE", 21.05), now.AddSeconds(30)));
        var refused = await owner.Client.MutateAsync(Operations.CreateProduct, new { input = CatalogAppExtensions.ProductInput(shopId) });

        listed.Succeeded();
        Assert.Equal(["SHOP_NOT_ACTIVE"], refused.UserErrorCodes());
        await Task.Delay(500);
        var shop = await ShopAsync(shopId);
        Assert.Equal(("SUSPENDED", 21.04), (shop!.Status, shop.Location.Y));
    }

    [Fact]
    public async Task A_suspended_shops_products_leave_search_and_listings_for_buyers_and_come_back_when_it_is_active_again()
    {
        await app.Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        var seller = await app.SellerAsync();
        var word = "treo" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(8));
        var productId = await seller.CreateProductIdAsync(("title", $"Nồi cơm điện {word}"));
        var buyer = app.SignIn("BUYER");
        var admin = app.Admin();
        var now = app.Clock.GetUtcNow();
        ShopSnapshot Snapshot(string status) => new(seller.ShopId, seller.Id, "Cửa hàng treo", "cua-hang-treo-" + seller.ShopId.ToString("N"), status, 21.0285, 105.8542, "Hà Nội", ["electronics"]);
        var bus = app.Service<IBus>();

        await bus.Publish(new ShopUpdated(Snapshot("SUSPENDED"), now.AddMinutes(1)));
        await Eventually.HoldsAsync(async () => (await ShopAsync(seller.ShopId))?.Status == "SUSPENDED", "the suspension to be applied");

        Assert.Empty(await FoundAsync(buyer.Client, new { text = word }));
        Assert.Empty(await FoundAsync(app.Client(), new { shopId = seller.ShopId }));
        Assert.Empty(await FoundAsync(buyer.Client, new { near = new { lat = 21.0285, lng = 105.8542 }, text = word }));
        Assert.Empty(await ShopListingAsync(buyer.Client, seller.ShopId));
        Assert.Equal([productId], await FoundAsync(seller.Client, new { text = word }));
        Assert.Equal([productId], await FoundAsync(admin.Client, new { text = word }));
        Assert.Equal([productId], await ShopListingAsync(seller.Client, seller.ShopId));
        Assert.Null(await ProductByIdAsync(buyer.Client, productId));
        Assert.Null(await ProductByIdAsync(app.Client(), productId));
        Assert.Equal(productId, await ProductByIdAsync(seller.Client, productId));
        Assert.Equal(productId, await ProductByIdAsync(admin.Client, productId));

        await bus.Publish(new ShopUpdated(Snapshot("ACTIVE"), now.AddMinutes(2)));
        await Eventually.HoldsAsync(async () => (await ShopAsync(seller.ShopId))?.Status == "ACTIVE", "the reactivation to be applied");

        Assert.Equal([productId], await FoundAsync(buyer.Client, new { text = word }));
        Assert.Equal([productId], await FoundAsync(app.Client(), new { shopId = seller.ShopId }));
        Assert.Equal([productId], await ShopListingAsync(buyer.Client, seller.ShopId));
        Assert.Equal(productId, await ProductByIdAsync(buyer.Client, productId));
    }

    /// <summary>product(id) as this client sees it: the product's id, or null.</summary>
    private static async Task<string?> ProductByIdAsync(GraphQLClient client, string productId) =>
        (await client.SendAsync("query($id: ID!) { product(id: $id) { id } }", new { id = productId })).EnsureNoErrors().Get("product") is
            { ValueKind: System.Text.Json.JsonValueKind.Object } product ? product.GetProperty("id").GetString() : null;

    [Fact]
    public async Task A_shop_catalog_has_not_heard_of_yet_is_looked_up_once_and_its_first_event_still_wins()
    {
        var owner = app.SignIn("BUYER", "SELLER");
        var shop = app.Shops.Open(owner.Id);

        var first = await owner.Client.MutateAsync(Operations.CreateProduct, new { input = CatalogAppExtensions.ProductInput(shop.ShopId) });
        var lookups = app.Shops.Lookups;
        var second = await owner.Client.MutateAsync(Operations.CreateProduct, new { input = CatalogAppExtensions.ProductInput(shop.ShopId) });

        first.Succeeded();
        second.Succeeded();
        Assert.Equal(lookups, app.Shops.Lookups);
        var copy = await ShopAsync(shop.ShopId);
        Assert.Equal((owner.Id, "ACTIVE", 10.7769), (copy!.OwnerId, copy.Status, copy.Location.Y));

        // The remembered copy is older than any event: the shop's own ShopCreated replaces it.
        await app.InDatabaseAsync(async db =>
        {
            await GoShop.Catalog.Events.ShopCopies.ApplyAsync(db, shop with { Status = "SUSPENDED" }, app.Clock.GetUtcNow().AddDays(-30), CancellationToken.None);
            await db.SaveChangesAsync();
        });
        Assert.Equal("SUSPENDED", (await ShopAsync(shop.ShopId))!.Status);
    }

    [Fact]
    public async Task A_shop_the_shops_subgraph_does_not_have_is_not_found_and_nothing_is_remembered()
    {
        var owner = app.SignIn("BUYER", "SELLER");
        var unknown = Guid.CreateVersion7();

        var payload = await owner.Client.MutateAsync(Operations.CreateProduct, new { input = CatalogAppExtensions.ProductInput(unknown) });

        Assert.Equal(["SHOP_NOT_FOUND"], payload.UserErrorCodes());
        Assert.Null(await ShopAsync(unknown));
    }

    [Fact]
    public async Task Someone_else_s_shop_learned_from_the_lookup_is_still_not_theirs()
    {
        var owner = app.SignIn("BUYER", "SELLER");
        var stranger = app.SignIn("BUYER", "SELLER");
        var shop = app.Shops.Open(owner.Id);

        var payload = await stranger.Client.MutateAsync(Operations.CreateProduct, new { input = CatalogAppExtensions.ProductInput(shop.ShopId) });

        Assert.Equal(["FORBIDDEN"], payload.UserErrorCodes());
        Assert.Equal(0, await app.InDatabaseAsync(db => db.Products.CountAsync(p => p.ShopId == shop.ShopId)));
    }

    [Fact]
    public async Task When_the_shops_subgraph_cannot_be_reached_the_seller_is_told_to_try_again()
    {
        var owner = app.SignIn("BUYER", "SELLER");
        var shop = app.Shops.Open(owner.Id);
        app.Shops.Down = true;
        try
        {
            var payload = await owner.Client.MutateAsync(Operations.CreateProduct, new { input = CatalogAppExtensions.ProductInput(shop.ShopId) });

            Assert.Equal(["SHOPS_UNAVAILABLE"], payload.UserErrorCodes());
            Assert.Null(await ShopAsync(shop.ShopId));
        }
        finally
        {
            app.Shops.Down = false;
        }
    }

    [Fact]
    public async Task ShopCreated_and_ShopUpdated_of_a_new_shop_handled_at_once_leave_one_copy_with_the_newer_state()
    {
        var ownerId = Guid.CreateVersion7();
        var now = app.Clock.GetUtcNow();
        for (var round = 0; round < 10; round++)
        {
            var shopId = Guid.CreateVersion7();
            ShopSnapshot Snapshot(string status) => new(shopId, ownerId, "Cửa hàng đua", "cua-hang-dua-" + shopId.ToString("N"), status, 21.03, 105.85, "Hà Nội", []);

            await Task.WhenAll(
                ApplyInOwnTransactionAsync(Snapshot("ACTIVE"), now),
                ApplyInOwnTransactionAsync(Snapshot("SUSPENDED"), now.AddSeconds(1)));

            Assert.Equal("SUSPENDED", (await ShopAsync(shopId))!.Status);
        }
    }

    /// <summary>Applies a snapshot as a consumer does: in a transaction of its own, on a DbContext of its own.</summary>
    private Task ApplyInOwnTransactionAsync(ShopSnapshot snapshot, DateTimeOffset asOf) => app.InDatabaseAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await GoShop.Catalog.Events.ShopCopies.ApplyAsync(db, snapshot, asOf, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    });

    /// <summary>The ids of the products a search answers the client.</summary>
    private static async Task<List<string>> FoundAsync(GraphQLClient client, object where) =>
        (await client.SendAsync(Operations.Products, new { where })).EnsureNoErrors().Get("products.edges")
            .EnumerateArray().Select(e => e.GetProperty("node").Text("id")).ToList();

    /// <summary>The ids of a shop's products as its page lists them (Shop.products, through the gateway's entity lookup).</summary>
    private static async Task<List<string>> ShopListingAsync(GraphQLClient client, Guid shopId) =>
        (await client.SendAsync(Operations.ShopProducts, new { representations = new[] { new Dictionary<string, object> { ["__typename"] = "Shop", ["id"] = shopId.ToString() } } }))
            .EnsureNoErrors().Get("_entities.0.products.edges").EnumerateArray().Select(e => e.GetProperty("node").Text("id")).ToList();

    private Task<Domain.ShopCopy?> ShopAsync(Guid id) => app.InDatabaseAsync(db => db.Shops.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id));
}
