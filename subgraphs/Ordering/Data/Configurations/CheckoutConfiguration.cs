using GoShop.Ordering.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Ordering.Data.Configurations;

internal sealed class CheckoutConfiguration : IEntityTypeConfiguration<Checkout>
{
    /// <summary>The unique index a concurrent twin of a placement (same buyer, same idempotency key) runs into.</summary>
    public const string IdempotencyIndex = "ix_checkouts_buyer_id_idempotency_key";

    public void Configure(EntityTypeBuilder<Checkout> builder)
    {
        builder.ToTable("checkouts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.IdempotencyKey).HasMaxLength(Checkout.MaxIdempotencyKey);
        builder.HasIndex(c => new { c.BuyerId, c.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL")
            .HasDatabaseName(IdempotencyIndex);
        builder.Property(c => c.PaymentMethod).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(c => c.Orders).WithOne().HasForeignKey(o => o.CheckoutId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Orders).HasField("_orders").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
