using GoShop.Catalog.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Catalog.Data.Configurations;

internal sealed class StockItemConfiguration : IEntityTypeConfiguration<StockItem>
{
    public void Configure(EntityTypeBuilder<StockItem> builder)
    {
        builder.ToTable("stock_items", t => t.HasCheckConstraint("ck_stock_items_not_negative", "on_hand >= 0 AND reserved >= 0"));
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        // One row per product and variant; the product's own row has no variant (NULL is not distinct here).
        builder.HasIndex(s => new { s.ProductId, s.VariantId }).IsUnique().AreNullsDistinct(false);
        builder.HasOne<Product>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ProductVariant>().WithMany().HasForeignKey(s => s.VariantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InventoryMovementConfiguration : IEntityTypeConfiguration<InventoryMovement>
{
    public void Configure(EntityTypeBuilder<InventoryMovement> builder)
    {
        builder.ToTable("inventory_movements");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Reason).HasMaxLength(InventoryMovement.MaxReason);
        builder.HasIndex(m => new { m.ProductId, m.Id });
        builder.HasIndex(m => new { m.StockItemId, m.Id });
        // A return puts each of its rows back once, however often ReturnReceived arrives.
        builder.HasIndex(m => new { m.ReturnId, m.StockItemId }).IsUnique().HasFilter("return_id IS NOT NULL")
            .HasDatabaseName("ix_inventory_movements_return_id_stock_item_id");
        builder.HasOne<StockItem>().WithMany().HasForeignKey(m => m.StockItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReservationConfiguration : IEntityTypeConfiguration<Reservation>
{
    public void Configure(EntityTypeBuilder<Reservation> builder)
    {
        builder.ToTable("reservations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Shortages).AsJsonList();
        builder.HasIndex(r => r.OrderId).IsUnique();
        // The sweeper's query, and the expiry check of availability: held reservations by expiry.
        builder.HasIndex(r => r.ExpiresAt).HasDatabaseName("ix_reservations_held_expiry").HasFilter("status = 'Held'");
        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.ReservationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReservationLineConfiguration : IEntityTypeConfiguration<ReservationLine>
{
    public void Configure(EntityTypeBuilder<ReservationLine> builder)
    {
        builder.ToTable("reservation_lines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasIndex(l => l.ReservationId);
        builder.HasIndex(l => l.StockItemId);
        builder.HasOne<StockItem>().WithMany().HasForeignKey(l => l.StockItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
