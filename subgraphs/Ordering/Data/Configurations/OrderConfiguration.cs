using GoShop.Ordering.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Ordering.Data.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    /// <summary>The unique index a repeated order number runs into (placement then draws new numbers).</summary>
    public const string NumberIndex = "ix_orders_number";

    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders", t => t.HasCheckConstraint("ck_orders_fees_not_negative",
            "fees_subtotal >= 0 AND fees_shipping_fee >= 0 AND fees_tax >= 0 AND fees_discount >= 0 AND fees_discount <= fees_subtotal AND fees_total >= 0"));
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Number).HasMaxLength(20);
        builder.HasIndex(o => o.Number).IsUnique().HasDatabaseName(NumberIndex);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.PaymentMethod).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.Note).HasMaxLength(Order.MaxNote);
        builder.Property(o => o.Carrier).HasMaxLength(Order.MaxCarrier);
        builder.Property(o => o.TrackingNumber).HasMaxLength(Order.MaxTrackingNumber);
        builder.Property(o => o.CouponCodes);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.ComplexProperty(o => o.Fees);
        builder.ComplexProperty(o => o.ShopLocation);
        builder.ComplexProperty(o => o.DeliveryAddress, address =>
        {
            address.Property(a => a.RecipientName).HasMaxLength(100);
            address.Property(a => a.Phone).HasMaxLength(20);
            address.Property(a => a.Line1).HasMaxLength(200);
            address.Property(a => a.Line2).HasMaxLength(200);
            address.Property(a => a.Ward).HasMaxLength(100);
            address.Property(a => a.District).HasMaxLength(100);
            address.Property(a => a.City).HasMaxLength(100);
            address.Property(a => a.Country).HasMaxLength(100);
            address.Property(a => a.PostalCode).HasMaxLength(20);
        });

        // The lists: a buyer's orders, a shop's and a seller's, newest first (ids are time-ordered).
        builder.HasIndex(o => new { o.BuyerId, o.Id });
        builder.HasIndex(o => new { o.ShopId, o.Id });
        builder.HasIndex(o => new { o.SellerId, o.Id });
        builder.HasIndex(o => o.CheckoutId);
        // The sweeper's two queries.
        builder.HasIndex(o => o.PaymentDueAt).HasDatabaseName("ix_orders_unpaid_due").HasFilter("status = 'PendingPayment'");
        builder.HasIndex(o => o.ConfirmationDueAt).HasDatabaseName("ix_orders_pending_confirmation_due").HasFilter("status = 'Pending'");
        builder.HasIndex(o => o.ReturnDeadline).HasDatabaseName("ix_orders_delivered_return_deadline").HasFilter("status = 'Delivered'");

        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(o => o.History).WithOne().HasForeignKey(h => h.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(o => o.Timeline).WithOne().HasForeignKey(t => t.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Timeline).HasField("_timeline").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.ToTable("order_lines", t => t.HasCheckConstraint("ck_order_lines_quantity_positive", "quantity > 0"));
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Title).HasMaxLength(200);
        builder.Property(l => l.VariantTitle).HasMaxLength(200);
        builder.Property(l => l.Sku).HasMaxLength(100);
        builder.HasIndex(l => new { l.OrderId, l.Position }).IsUnique();
        // Which orders bought a product. No query of ordering reads it today; it is what a verified-purchase check needs.
        builder.HasIndex(l => l.ProductId);
    }
}

internal sealed class OrderStatusChangeConfiguration : IEntityTypeConfiguration<OrderStatusChange>
{
    public void Configure(EntityTypeBuilder<OrderStatusChange> builder)
    {
        builder.ToTable("order_status_changes");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.From).HasColumnName("from_status").HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.To).HasColumnName("to_status").HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.ActorRole).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Reason).HasMaxLength(Order.MaxReason);
        builder.HasIndex(h => new { h.OrderId, h.Sequence }).IsUnique();
    }
}

internal sealed class OrderTimelineEntryConfiguration : IEntityTypeConfiguration<OrderTimelineEntry>
{
    public void Configure(EntityTypeBuilder<OrderTimelineEntry> builder)
    {
        builder.ToTable("order_timeline_entries");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.Detail).HasMaxLength(Order.MaxReason);
        builder.HasIndex(t => new { t.OrderId, t.Sequence }).IsUnique();
    }
}
