using GoShop.Shipping.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Shipping.Data.Configurations;

internal sealed class ShipperConfiguration : IEntityTypeConfiguration<Shipper>
{
    public void Configure(EntityTypeBuilder<Shipper> builder)
    {
        builder.ToTable("shippers", t => t.HasCheckConstraint("ck_shippers_load_within_capacity", "active_shipments >= 0 AND active_shipments <= capacity"));
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.FullName).HasMaxLength(200);
        builder.Property(s => s.VehicleType).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.PlateNumber).HasMaxLength(Shipper.MaxPlate);
        builder.Property(s => s.Zone).HasMaxLength(Shipper.MaxZone);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Rating).HasPrecision(3, 2);
        // geography: distances in metres on the globe; the GiST index serves ST_DWithin and nearest-first ordering.
        builder.Property(s => s.Location).HasColumnType("geography (point, 4326)");
        builder.HasIndex(s => s.Location).HasMethod("gist");
        builder.HasIndex(s => s.Status);
        builder.Ignore(s => s.Position);
        builder.Ignore(s => s.EffectiveStatus);
        builder.Ignore(s => s.HasFreeSlot);
    }
}

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    /// <summary>The unique index a repeated tracking number runs into (creation then draws again).</summary>
    public const string TrackingNumberIndex = "ix_shipments_tracking_number";

    /// <summary>One delivery per order, however often OrderConfirmed arrives (an order's returns travel as shipments of their own).</summary>
    public const string DeliveryIndex = "ix_shipments_delivery_order_id";

    /// <summary>One return shipment per return, however often ReturnApproved arrives.</summary>
    public const string ReturnIndex = "ix_shipments_return_id";

    /// <summary>The shipments of an order, its returns' included (Order.returnShipments).</summary>
    public const string OrderIndex = "ix_shipments_order_id_kind";

    public void Configure(EntityTypeBuilder<Shipment> builder)
    {
        builder.ToTable("shipments", t =>
        {
            t.HasCheckConstraint("ck_shipments_cod_not_negative", "cod_amount >= 0");
            // A return names its return and is never paid at the door; a delivery names no return.
            t.HasCheckConstraint("ck_shipments_return_kind", "(kind = 'Return' AND return_id IS NOT NULL AND cod_amount = 0) OR (kind = 'Delivery' AND return_id IS NULL)");
        });
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => s.OrderId, DeliveryIndex).IsUnique().HasFilter("kind = 'Delivery'").HasDatabaseName(DeliveryIndex);
        builder.HasIndex(s => s.ReturnId, ReturnIndex).IsUnique().HasFilter("return_id IS NOT NULL").HasDatabaseName(ReturnIndex);
        builder.HasIndex(s => new { s.OrderId, s.Kind }, OrderIndex).HasDatabaseName(OrderIndex);
        builder.Property(s => s.PickupAddress).HasMaxLength(600);
        builder.Property(s => s.OrderNumber).HasMaxLength(20);
        builder.Property(s => s.TrackingNumber).HasMaxLength(20);
        builder.HasIndex(s => s.TrackingNumber).IsUnique().HasDatabaseName(TrackingNumberIndex);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Pickup).HasColumnType("geography (point, 4326)");
        builder.Property(s => s.Dropoff).HasColumnType("geography (point, 4326)");
        builder.Property(s => s.DropoffAddress).HasMaxLength(600);
        builder.Property(s => s.RecipientName).HasMaxLength(100);
        builder.Property(s => s.RecipientPhone).HasMaxLength(20);
        builder.Property(s => s.CodAmount).HasPrecision(18, 2);
        builder.Property(s => s.CodCollected).HasPrecision(18, 2);
        builder.Property(s => s.Currency).HasMaxLength(3);
        builder.Property(s => s.Note).HasMaxLength(500);
        builder.Property(s => s.ReceivedBy).HasMaxLength(Shipment.MaxRecipientName);
        builder.Property(s => s.Version).IsConcurrencyToken();
        // A shipper's shipments, the shipments of a shop, and the ones waiting for a shipper (the sweeper's retry).
        builder.HasIndex(s => new { s.ShipperId, s.Status });
        builder.HasIndex(s => new { s.ShopId, s.Id });
        builder.HasIndex(s => s.CreatedAt).HasDatabaseName("ix_shipments_awaiting").HasFilter("status = 'AwaitingAssignment'");
        builder.Ignore(s => s.PickupPosition);
        builder.Ignore(s => s.DropoffPosition);
        builder.Ignore(s => s.IsCod);
        builder.Ignore(s => s.IsReturn);
        builder.HasMany(s => s.History).WithOne().HasForeignKey(h => h.ShipmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ShipmentHistoryConfiguration : IEntityTypeConfiguration<ShipmentHistoryEntry>
{
    public void Configure(EntityTypeBuilder<ShipmentHistoryEntry> builder)
    {
        builder.ToTable("shipment_history");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.ActorRole).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Location).HasColumnType("geography (point, 4326)");
        builder.Property(h => h.Reason).HasMaxLength(Shipment.MaxReason);
        builder.HasIndex(h => new { h.ShipmentId, h.Sequence }).IsUnique();
        builder.Ignore(h => h.Position);
    }
}

internal sealed class ShipmentOfferConfiguration : IEntityTypeConfiguration<ShipmentOffer>
{
    /// <summary>At most one open offer per shipment.</summary>
    public const string PendingIndex = "ix_shipment_offers_one_pending";

    public void Configure(EntityTypeBuilder<ShipmentOffer> builder)
    {
        builder.ToTable("shipment_offers");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Reason).HasMaxLength(Shipment.MaxReason);
        builder.HasIndex(o => o.ShipmentId).IsUnique().HasFilter("status = 'Pending'").HasDatabaseName(PendingIndex);
        builder.HasIndex(o => new { o.ShipmentId, o.ShipperId });
        builder.HasIndex(o => new { o.ShipperId, o.Status });
        // The sweeper's query: open offers by deadline.
        builder.HasIndex(o => o.ExpiresAt).HasDatabaseName("ix_shipment_offers_pending_expiry").HasFilter("status = 'Pending'");
        builder.HasOne<Shipment>().WithMany().HasForeignKey(o => o.ShipmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Shipper>().WithMany().HasForeignKey(o => o.ShipperId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TripPointConfiguration : IEntityTypeConfiguration<TripPoint>
{
    public void Configure(EntityTypeBuilder<TripPoint> builder)
    {
        builder.ToTable("trip_points");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).UseIdentityAlwaysColumn();
        builder.Property(p => p.Location).HasColumnType("geography (point, 4326)");
        builder.HasIndex(p => new { p.ShipmentId, p.At });
        builder.HasOne<Shipment>().WithMany().HasForeignKey(p => p.ShipmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(p => p.Position);
    }
}
