using GoShop.Ordering.Domain.Returns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Ordering.Data.Configurations;

internal sealed class ReturnConfiguration : IEntityTypeConfiguration<Return>
{
    /// <summary>One return per order: the index a second request for the same order runs into.</summary>
    public const string OrderIndex = "ix_returns_order_id";

    public void Configure(EntityTypeBuilder<Return> builder)
    {
        builder.ToTable("returns", t => t.HasCheckConstraint("ck_returns_refund_not_negative", "refund_amount >= 0"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(Return.MaxReason);
        builder.Property(r => r.RejectionReason).HasMaxLength(Return.MaxReason);
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.Property(r => r.MediaIds);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Domain.Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.OrderId).IsUnique().HasDatabaseName(OrderIndex);

        // The lists: a buyer's returns and a shop's, newest first (ids are time-ordered).
        builder.HasIndex(r => new { r.BuyerId, r.Id });
        builder.HasIndex(r => new { r.ShopId, r.Id });
        // The sweeper's query: returns still waiting for their shop's answer, oldest first.
        builder.HasIndex(r => r.RequestedAt).HasDatabaseName("ix_returns_requested_awaiting_decision").HasFilter("status = 'Requested'");

        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.ReturnId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReturnLineConfiguration : IEntityTypeConfiguration<ReturnLine>
{
    public void Configure(EntityTypeBuilder<ReturnLine> builder)
    {
        builder.ToTable("return_lines", t => t.HasCheckConstraint("ck_return_lines_quantity_positive", "quantity > 0"));
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Title).HasMaxLength(200);
        builder.Property(l => l.VariantTitle).HasMaxLength(200);
        builder.HasIndex(l => new { l.ReturnId, l.Position }).IsUnique();
        builder.HasOne<Domain.OrderLine>().WithMany().HasForeignKey(l => l.OrderLineId).OnDelete(DeleteBehavior.Restrict);
    }
}
