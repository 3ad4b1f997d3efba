using System.Text.Json;
using GoShop.Contracts;
using GoShop.Contracts.Identity;
using GoShop.Contracts.Shops;
using GoShop.Shops.Domain;
using GoShop.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shops.Tests;

/// <summary>
/// Identity's UserSuspended and UserReinstated, delivered through RabbitMQ: a suspended owner's active shops are hidden
/// from buyers, reinstatement brings back exactly those, and a replayed or late event changes nothing.
/// </summary>
public sealed class OwnerSuspensionTests(ShopsApp app) : IClassFixture<ShopsApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_suspended_owners_shops_are_hidden_from_buyers_but_not_from_the_owner_and_admins()
    {
        var category = Category();
        var seller = app.NewUser();
        var admin = app.NewAdmin();
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Treo Chủ {ShopMutationTests.Unique()}").With(("categories", new[] { category })));

        await PublishAsync(new UserSuspended(seller.Id, "Hàng giả", app.Clock.GetUtcNow()));

        Assert.Equal(ShopStatus.Suspended, await StatusAsync(shopId));
        Assert.Empty(Ids(await ShopsAsync(app.Client(), new { ownerId = seller.Id })));
        Assert.Empty(await NearAsync(category));
        var byId = (await app.Client().SendAsync(Operations.ShopById, new { id = shopId })).EnsureNoErrors();
        Assert.Equal("SUSPENDED", byId.Get("shop.status").GetString());
        Assert.Equal([shopId], Ids(await ShopsAsync(seller.Client, new { ownerId = seller.Id, status = "SUSPENDED" })));
        Assert.Contains(shopId, Ids(await ShopsAsync(admin.Client, new { status = "SUSPENDED" })));
        Assert.Equal(["SUSPENDED"], await UpdatesAsync(shopId));
    }

    [Fact]
    public async Task Reinstatement_brings_back_only_the_shops_the_suspension_hid()
    {
        var category = Category();
        var seller = app.NewUser();
        var admin = app.NewAdmin();
        var hidden = await seller.CreateShopIdAsync(Operations.ShopInput($"Trở Lại {ShopMutationTests.Unique()}").With(("categories", new[] { category })));
        var byAdmin = await seller.CreateShopIdAsync(Operations.ShopInput($"Admin Treo {ShopMutationTests.Unique()}"));
        var closed = await seller.CreateShopIdAsync(Operations.ShopInput($"Đóng {ShopMutationTests.Unique()}"));
        (await admin.Client.MutateAsync(Operations.SetShopStatus, new { input = new { shopId = byAdmin, status = "SUSPENDED" } })).Succeeded();
        (await seller.Client.MutateAsync(Operations.DeleteShop, new { input = new { shopId = closed } })).Succeeded();
        var suspendedAt = app.Clock.GetUtcNow();

        await PublishAsync(new UserSuspended(seller.Id, "Hàng giả", suspendedAt));
        await PublishAsync(new UserReinstated(seller.Id, suspendedAt.AddMinutes(5)));

        Assert.Equal(ShopStatus.Active, await StatusAsync(hidden));
        Assert.Equal(ShopStatus.Suspended, await StatusAsync(byAdmin));
        Assert.Equal(ShopStatus.Closed, await StatusAsync(closed));
        Assert.Equal([hidden], Ids(await ShopsAsync(app.Client(), new { ownerId = seller.Id })));
        Assert.Equal([hidden], (await NearAsync(category)));
        Assert.Equal(["SUSPENDED", "ACTIVE"], await UpdatesAsync(hidden));
        Assert.Equal(["SUSPENDED"], await UpdatesAsync(byAdmin));
        Assert.Equal(["CLOSED"], await UpdatesAsync(closed));
    }

    [Fact]
    public async Task An_admin_who_suspends_a_shop_hidden_with_its_owner_keeps_it_suspended_after_reinstatement()
    {
        var seller = app.NewUser();
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Giữ Treo {ShopMutationTests.Unique()}"));
        var suspendedAt = app.Clock.GetUtcNow();
        await PublishAsync(new UserSuspended(seller.Id, "Hàng giả", suspendedAt));

        (await app.NewAdmin().Client.MutateAsync(Operations.SetShopStatus, new { input = new { shopId, status = "SUSPENDED" } })).Succeeded();
        await PublishAsync(new UserReinstated(seller.Id, suspendedAt.AddMinutes(5)));

        Assert.Equal(ShopStatus.Suspended, await StatusAsync(shopId));
    }

    [Fact]
    public async Task A_shop_opened_while_its_owner_is_suspended_opens_hidden_and_comes_back_with_the_owner()
    {
        var seller = app.NewUser();
        var suspendedAt = app.Clock.GetUtcNow();
        await PublishAsync(new UserSuspended(seller.Id, "Hàng giả", suspendedAt));

        var shop = await seller.CreateShopAsync(Operations.ShopInput($"Mở Muộn {ShopMutationTests.Unique()}"));
        await PublishAsync(new UserReinstated(seller.Id, suspendedAt.AddMinutes(5)));

        Assert.Equal("SUSPENDED", shop.Text("status"));
        Assert.Equal(ShopStatus.Active, await StatusAsync(shop.Id()));
    }

    [Fact]
    public async Task A_replayed_suspension_is_harmless()
    {
        var seller = app.NewUser();
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Lặp Lại {ShopMutationTests.Unique()}"));
        var suspended = new UserSuspended(seller.Id, "Hàng giả", app.Clock.GetUtcNow());
        var messageId = Guid.NewGuid();

        await PublishAsync(suspended, messageId);
        await PublishAsync(suspended, messageId);
        await PublishAsync(suspended);
        await PublishAsync(new UserReinstated(seller.Id, suspended.OccurredAt.AddMinutes(5)));
        await PublishAsync(suspended);

        Assert.Equal(ShopStatus.Active, await StatusAsync(shopId));
        Assert.Equal(["SUSPENDED", "ACTIVE"], await UpdatesAsync(shopId));
    }

    [Fact]
    public async Task A_suspension_older_than_the_reinstatement_already_applied_changes_nothing()
    {
        var seller = app.NewUser();
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Đến Muộn {ShopMutationTests.Unique()}"));
        var suspendedAt = app.Clock.GetUtcNow();

        await PublishAsync(new UserReinstated(seller.Id, suspendedAt.AddMinutes(5)));
        await PublishAsync(new UserSuspended(seller.Id, "Hàng giả", suspendedAt));

        Assert.Equal(ShopStatus.Active, await StatusAsync(shopId));
        Assert.Empty(await UpdatesAsync(shopId));
    }

    [Fact]
    public async Task Suspending_a_user_who_owns_no_shop_touches_no_shop()
    {
        var seller = app.NewUser();
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Người Khác {ShopMutationTests.Unique()}"));
        var buyer = app.NewUser();

        await PublishAsync(new UserSuspended(buyer.Id, "Spam", app.Clock.GetUtcNow()));

        Assert.Equal(ShopStatus.Active, await StatusAsync(shopId));
        Assert.Empty(await UpdatesAsync(shopId));
    }

    /// <summary>Publishes an event and waits until the shops subgraph handled it (its id is in the inbox).</summary>
    private async Task PublishAsync<T>(T message, Guid? messageId = null) where T : class, IIntegrationEvent
    {
        var id = messageId ?? Guid.NewGuid();
        await app.Service<IBus>().Publish(message, context => context.MessageId = id);
        await Eventually.HoldsAsync(() => app.InDatabaseAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == id)), $"message {id} to be handled");
    }

    private Task<ShopStatus> StatusAsync(Guid shopId) =>
        app.InDatabaseAsync(db => db.Shops.AsNoTracking().Where(s => s.Id == shopId).Select(s => s.Status).SingleAsync());

    /// <summary>The statuses the shop's ShopUpdated events carried, oldest first.</summary>
    private async Task<List<string>> UpdatesAsync(Guid shopId)
    {
        var payloads = await app.InDatabaseAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType == typeof(ShopUpdated).FullName)
            .OrderBy(m => m.Id)
            .Select(m => m.Payload)
            .ToListAsync());
        return payloads.Select(p => JsonDocument.Parse(p).RootElement.GetProperty("shop"))
            .Where(s => s.GetProperty("shopId").GetGuid() == shopId)
            .Select(s => s.Text("status"))
            .ToList();
    }

    private async Task<List<Guid>> NearAsync(string category) =>
        (await app.Client().SendAsync(Operations.ShopsNear, new { location = new { lat = 21.0285, lng = 105.8542 }, radiusKm = 10, category }))
        .EnsureNoErrors().Get("shopsNear").EnumerateArray().Select(n => n.GetProperty("shop").Id()).ToList();

    private static async Task<JsonElement> ShopsAsync(GraphQLClient client, object where) =>
        (await client.SendAsync(Operations.Shops, new { where })).EnsureNoErrors().Get("shops");

    private static List<Guid> Ids(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").Id()).ToList();

    private static string Category() => "owner-" + ShopMutationTests.Unique();
}
