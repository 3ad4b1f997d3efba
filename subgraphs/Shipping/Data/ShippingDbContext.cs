using GoShop.BuildingBlocks.Data;
using GoShop.Shipping.Domain;
using GoShop.Shipping.Tracking;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shipping.Data;

public sealed class ShippingDbContext(DbContextOptions<ShippingDbContext> options) : GoShopDbContext(options)
{
    public DbSet<Shipper> Shippers => Set<Shipper>();

    public DbSet<Shipment> Shipments => Set<Shipment>();

    public DbSet<ShipmentHistoryEntry> ShipmentHistory => Set<ShipmentHistoryEntry>();

    public DbSet<ShipmentOffer> ShipmentOffers => Set<ShipmentOffer>();

    public DbSet<TripPoint> TripPoints => Set<TripPoint>();

    /// <summary>Queues a live update, sent once the change it reports is committed and dropped if it rolls back (<see cref="GoShopDbContext.AnnounceLive"/>).</summary>
    public void Announce(LiveMessage message) => AnnounceLive(message.Topic, message.Payload);

    // Row locks are FOR NO KEY UPDATE, not FOR UPDATE: they exclude each other as strongly, but not the KEY SHARE locks
    // that inserting a trip point or an offer takes on the rows it references, so a location report (shipper row, then
    // trip points of the shipper's shipments) never deadlocks with a move (shipment row, then shipper row).

    /// <summary>
    /// Locks a shipper's row until the current transaction ends and reads it fresh: every change of a shipper's load
    /// (an accept, an assignment, an offer) runs one after another, so two cannot both take the last free slot.
    /// </summary>
    public async Task<Shipper?> LockShipperAsync(Guid shipperId, CancellationToken cancellationToken)
    {
        var locked = await Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM shippers WHERE id = {shipperId} FOR NO KEY UPDATE").ToListAsync(cancellationToken);
        if (locked.Count == 0)
            return null;
        var shipper = await Shippers.SingleAsync(s => s.Id == shipperId, cancellationToken);
        await Entry(shipper).ReloadAsync(cancellationToken);
        return shipper;
    }

    /// <summary>Locks a shipment's row until the current transaction ends and reads it fresh with its history.</summary>
    public async Task<Shipment?> LockShipmentAsync(Guid shipmentId, CancellationToken cancellationToken)
    {
        var locked = await Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM shipments WHERE id = {shipmentId} FOR NO KEY UPDATE").ToListAsync(cancellationToken);
        if (locked.Count == 0)
            return null;
        var shipment = await Shipments.SingleAsync(s => s.Id == shipmentId, cancellationToken);
        await Entry(shipment).ReloadAsync(cancellationToken);
        return shipment;
    }

    /// <summary>Claims the ids <paramref name="dueIds"/> selects (it should lock them with SKIP LOCKED).</summary>
    public Task<List<Guid>> ClaimAsync(FormattableString dueIds, CancellationToken cancellationToken) =>
        Database.SqlQuery<Guid>(dueIds).ToListAsync(cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShippingDbContext).Assembly);
    }
}
