using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Shipping.Data;
using GoShop.Shipping.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shipping.GraphQL.Loaders;

public sealed class ShipmentByIdLoader(ShippingDbContext db) : BatchLoader<Guid, Shipment>
{
    protected override async Task<IReadOnlyDictionary<Guid, Shipment>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Shipments.AsNoTracking().Where(s => keys.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
}

/// <summary>The delivery of each order (Order.shipment), one query per batch.</summary>
public sealed class ShipmentByOrderLoader(ShippingDbContext db) : BatchLoader<Guid, Shipment>
{
    protected override async Task<IReadOnlyDictionary<Guid, Shipment>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Shipments.AsNoTracking().Deliveries().Where(s => keys.Contains(s.OrderId)).ToDictionaryAsync(s => s.OrderId, cancellationToken);
}

/// <summary>The return shipments of each order (Order.returnShipments), oldest first, one query per batch.</summary>
public sealed class ReturnShipmentsByOrderLoader(ShippingDbContext db) : GroupLoader<Guid, Shipment>
{
    protected override async Task<ILookup<Guid, Shipment>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        (await db.Shipments.AsNoTracking().Where(s => keys.Contains(s.OrderId) && s.Kind == ShipmentKind.Return).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken)).ToLookup(s => s.OrderId);
}

public sealed class ShipperByIdLoader(ShippingDbContext db) : BatchLoader<Guid, Shipper>
{
    protected override async Task<IReadOnlyDictionary<Guid, Shipper>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Shippers.AsNoTracking().Where(s => keys.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
}

public sealed class HistoryByShipmentLoader(ShippingDbContext db) : GroupLoader<Guid, ShipmentHistoryEntry>
{
    protected override async Task<ILookup<Guid, ShipmentHistoryEntry>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        (await db.ShipmentHistory.AsNoTracking().Where(h => keys.Contains(h.ShipmentId)).OrderBy(h => h.Sequence).ToListAsync(cancellationToken))
            .ToLookup(h => h.ShipmentId);
}

/// <summary>The trusted points of each shipment's trip so far, oldest first.</summary>
public sealed class TrailByShipmentLoader(ShippingDbContext db) : GroupLoader<Guid, TripPoint>
{
    protected override async Task<ILookup<Guid, TripPoint>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        (await db.TripPoints.AsNoTracking().Where(p => keys.Contains(p.ShipmentId) && !p.Flagged).OrderBy(p => p.Id).ToListAsync(cancellationToken))
            .ToLookup(p => p.ShipmentId);
}
