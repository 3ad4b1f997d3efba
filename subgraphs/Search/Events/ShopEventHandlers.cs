using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Shops;
using GoShop.Search.Data;
using GoShop.Search.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Search.Events;

/// <summary>Shops' events: the shop's copy (name, status, location) changes, and its products are indexed again with it.</summary>
public sealed class ShopCreatedHandler(SearchDbContext db, TimeProvider clock, ILogger<ShopCreatedHandler> logger)
    : IntegrationEventHandler<ShopCreated, SearchDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ShopCreated message, CancellationToken cancellationToken) =>
        ShopChanges.ApplyAsync(Db, message.Shop, message.OccurredAt, cancellationToken);
}

public sealed class ShopUpdatedHandler(SearchDbContext db, TimeProvider clock, ILogger<ShopUpdatedHandler> logger)
    : IntegrationEventHandler<ShopUpdated, SearchDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ShopUpdated message, CancellationToken cancellationToken) =>
        ShopChanges.ApplyAsync(Db, message.Shop, message.OccurredAt, cancellationToken);
}

internal static class ShopChanges
{
    public static async Task ApplyAsync(SearchDbContext db, ShopSnapshot snapshot, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await db.LockAsync("search.shop", snapshot.ShopId.ToString(), cancellationToken);
        var shop = await db.Shops.SingleOrDefaultAsync(s => s.Id == snapshot.ShopId, cancellationToken);
        if (shop is null)
            db.Shops.Add(shop = ShopCopy.Create(snapshot.ShopId));
        if (shop.Apply(snapshot.Name, snapshot.Status, snapshot.Latitude, snapshot.Longitude, asOf))
            await db.TouchProductsOfShopAsync(snapshot.ShopId, cancellationToken);
    }
}
