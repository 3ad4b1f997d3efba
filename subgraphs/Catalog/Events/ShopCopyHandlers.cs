using GoShop.BuildingBlocks.Messaging;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Contracts.Shops;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Events;

/// <summary>Keeps catalog's copy of a shop (owner, status, location) from the shops subgraph's snapshots.</summary>
public static class ShopCopies
{
    /// <summary>Inserts or updates the copy, unless a newer snapshot was applied already.</summary>
    public static async Task ApplyAsync(CatalogDbContext db, ShopSnapshot snapshot, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        // ShopCreated and ShopUpdated of a new shop arrive on two queues and may be handled at the same moment: make
        // sure the row exists first (a second insert waits for the first, then does nothing), then lock it, so the
        // two never both insert and the newer snapshot wins whatever the order.
        await RememberAsync(db, snapshot, cancellationToken);
        var shop = await db.Shops.FromSql($"SELECT * FROM shops WHERE id = {snapshot.ShopId} FOR UPDATE").SingleAsync(cancellationToken);
        shop.Apply(snapshot.OwnerId, snapshot.Name, snapshot.Slug, snapshot.Status, snapshot.Latitude, snapshot.Longitude, asOf);
    }

    /// <summary>
    /// Keeps a snapshot read from the shops subgraph directly, as the oldest possible state: inserted only when no copy
    /// exists, and replaced by the first event that arrives. Runs at once, inside the caller's transaction if it has one.
    /// </summary>
    public static async Task RememberAsync(CatalogDbContext db, ShopSnapshot snapshot, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO shops (id, owner_id, name, slug, status, location, as_of)
            VALUES ({snapshot.ShopId}, {snapshot.OwnerId}, {snapshot.Name}, {snapshot.Slug}, {snapshot.Status},
                    ST_SetSRID(ST_MakePoint({snapshot.Longitude}, {snapshot.Latitude}), 4326)::geography, {DateTimeOffset.MinValue})
            ON CONFLICT (id) DO NOTHING
            """,
            cancellationToken);
    }
}

public sealed class ShopCreatedHandler(CatalogDbContext db, TimeProvider clock, ILogger<ShopCreatedHandler> logger)
    : IntegrationEventHandler<ShopCreated, CatalogDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ShopCreated message, CancellationToken cancellationToken) =>
        ShopCopies.ApplyAsync(Db, message.Shop, message.OccurredAt, cancellationToken);
}

public sealed class ShopUpdatedHandler(CatalogDbContext db, TimeProvider clock, ILogger<ShopUpdatedHandler> logger)
    : IntegrationEventHandler<ShopUpdated, CatalogDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ShopUpdated message, CancellationToken cancellationToken) =>
        ShopCopies.ApplyAsync(Db, message.Shop, message.OccurredAt, cancellationToken);
}
