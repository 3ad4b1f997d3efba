using GoShop.Analytics.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Analytics.Data.Configurations;

internal sealed class OrderFactConfiguration : IEntityTypeConfiguration<OrderFact>
{
    public void Configure(EntityTypeBuilder<OrderFact> builder)
    {
        builder.ToTable("order_facts");
        builder.HasKey(o => o.OrderId);
        builder.Property(o => o.OrderId).ValueGeneratedNever();
        builder.Property(o => o.Status).HasMaxLength(30);
        builder.Property(o => o.PaymentMethod).HasMaxLength(30);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.City).HasMaxLength(200);
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId);
        // A shop's orders by the time they were placed: every recount of a shop's day and every report reads this.
        builder.HasIndex(o => new { o.ShopId, o.PlacedAt });
        builder.HasIndex(o => o.PlacedAt);
        // A buyer's earlier orders at a shop: new versus returning buyers.
        builder.HasIndex(o => new { o.ShopId, o.BuyerId, o.PlacedAt });
    }
}

internal sealed class OrderLineFactConfiguration : IEntityTypeConfiguration<OrderLineFact>
{
    public void Configure(EntityTypeBuilder<OrderLineFact> builder)
    {
        builder.ToTable("order_line_facts");
        builder.HasKey(l => new { l.OrderId, l.LineNumber });
        builder.Property(l => l.Title).HasMaxLength(300);
        builder.HasIndex(l => l.ProductId);
    }
}

internal sealed class PaymentFactConfiguration : IEntityTypeConfiguration<PaymentFact>
{
    public void Configure(EntityTypeBuilder<PaymentFact> builder)
    {
        builder.ToTable("payment_facts");
        builder.HasKey(p => p.PaymentId);
        builder.Property(p => p.PaymentId).ValueGeneratedNever();
        builder.Property(p => p.Status).HasMaxLength(20);
        builder.Property(p => p.Gateway).HasMaxLength(40);
        builder.Property(p => p.Method).HasMaxLength(30);
        builder.HasIndex(p => p.OccurredAt);
    }
}

internal sealed class RefundFactConfiguration : IEntityTypeConfiguration<RefundFact>
{
    public void Configure(EntityTypeBuilder<RefundFact> builder)
    {
        builder.ToTable("refund_facts");
        builder.HasKey(r => r.RefundId);
        builder.Property(r => r.RefundId).ValueGeneratedNever();
        builder.HasIndex(r => r.OrderId);
    }
}

internal sealed class EscrowFactConfiguration : IEntityTypeConfiguration<EscrowFact>
{
    public void Configure(EntityTypeBuilder<EscrowFact> builder)
    {
        builder.ToTable("escrow_facts");
        // One release per order: its money is released once.
        builder.HasKey(e => e.OrderId);
        builder.Property(e => e.OrderId).ValueGeneratedNever();
    }
}

internal sealed class ReturnFactConfiguration : IEntityTypeConfiguration<ReturnFact>
{
    public void Configure(EntityTypeBuilder<ReturnFact> builder)
    {
        builder.ToTable("return_facts");
        builder.HasKey(r => r.ReturnId);
        builder.Property(r => r.ReturnId).ValueGeneratedNever();
        builder.Property(r => r.Status).HasMaxLength(20);
        builder.HasIndex(r => r.OrderId);
    }
}

internal sealed class ShipmentFactConfiguration : IEntityTypeConfiguration<ShipmentFact>
{
    public void Configure(EntityTypeBuilder<ShipmentFact> builder)
    {
        builder.ToTable("shipment_facts");
        builder.HasKey(s => s.ShipmentId);
        builder.Property(s => s.ShipmentId).ValueGeneratedNever();
        builder.HasIndex(s => s.OrderId);
    }
}

internal sealed class ProductViewFactConfiguration : IEntityTypeConfiguration<ProductViewFact>
{
    public void Configure(EntityTypeBuilder<ProductViewFact> builder)
    {
        builder.ToTable("product_view_facts");
        builder.HasKey(v => v.ViewId);
        builder.Property(v => v.ViewId).ValueGeneratedNever();
        builder.Property(v => v.VisitorId).HasMaxLength(100);
        builder.HasIndex(v => new { v.ShopId, v.ViewedAt });
        builder.HasIndex(v => v.ViewedAt);
        builder.HasIndex(v => new { v.ProductId, v.ViewedAt });
    }
}

internal sealed class CartAddFactConfiguration : IEntityTypeConfiguration<CartAddFact>
{
    public void Configure(EntityTypeBuilder<CartAddFact> builder)
    {
        builder.ToTable("cart_add_facts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => new { c.ShopId, c.OccurredAt });
        builder.HasIndex(c => c.OccurredAt);
        builder.HasIndex(c => c.ProductId);
    }
}

internal sealed class ShopCopyConfiguration : IEntityTypeConfiguration<ShopCopy>
{
    public void Configure(EntityTypeBuilder<ShopCopy> builder)
    {
        builder.ToTable("shops");
        builder.HasKey(s => s.ShopId);
        builder.Property(s => s.ShopId).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(200);
    }
}

internal sealed class ProductCopyConfiguration : IEntityTypeConfiguration<ProductCopy>
{
    public void Configure(EntityTypeBuilder<ProductCopy> builder)
    {
        builder.ToTable("products");
        builder.HasKey(p => p.ProductId);
        builder.Property(p => p.ProductId).ValueGeneratedNever();
        builder.Property(p => p.Title).HasMaxLength(300);
    }
}

internal sealed class RollupConfiguration : IEntityTypeConfiguration<Rollup>
{
    public void Configure(EntityTypeBuilder<Rollup> builder)
    {
        builder.ToTable("rollups");
        builder.HasKey(r => new { r.Scope, r.ScopeId, r.Grain, r.BucketStart });
        builder.Property(r => r.Scope).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Grain).HasConversion<string>().HasMaxLength(10);
        // A shop's products over a period (top products), and every scope of a period (platform reports).
        builder.HasIndex(r => new { r.ShopId, r.Scope, r.Grain, r.BucketStart });
        builder.HasIndex(r => new { r.Scope, r.Grain, r.BucketStart });
    }
}

internal sealed class ShopReportVersionConfiguration : IEntityTypeConfiguration<ShopReportVersion>
{
    public void Configure(EntityTypeBuilder<ShopReportVersion> builder)
    {
        builder.ToTable("shop_report_versions");
        builder.HasKey(v => v.ShopId);
        builder.Property(v => v.ShopId).ValueGeneratedNever();
    }
}

internal sealed class RollupRebuildJobConfiguration : IEntityTypeConfiguration<RollupRebuildJob>
{
    public void Configure(EntityTypeBuilder<RollupRebuildJob> builder)
    {
        builder.ToTable("rollup_rebuild_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Error).HasMaxLength(2000);
        // The worker and the mutation look for the queued or running job: a partial index keeps that a lookup of at most two rows.
        builder.HasIndex(j => j.RequestedAt).HasFilter("state IN ('Queued', 'Running')");
    }
}

internal sealed class PendingRecountConfiguration : IEntityTypeConfiguration<PendingRecount>
{
    public void Configure(EntityTypeBuilder<PendingRecount> builder)
    {
        builder.ToTable("pending_recounts", table =>
            table.HasCheckConstraint("ck_pending_recounts_day_or_order", "(shop_id IS NOT NULL AND day IS NOT NULL) <> (order_id IS NOT NULL)"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).UseIdentityAlwaysColumn();
    }
}
