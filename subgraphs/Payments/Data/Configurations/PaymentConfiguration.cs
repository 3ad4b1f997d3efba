using GoShop.Payments.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Payments.Data.Configurations;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    /// <summary>A buyer's idempotency key names one payment; two racing startPayment calls with it meet here.</summary>
    public const string IdempotencyIndex = "ix_payments_buyer_id_idempotency_key";

    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments", t => t.HasCheckConstraint("ck_payments_amount_positive", "amount > 0"));
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Gateway).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.ProviderCurrency).HasMaxLength(3);
        builder.Property(p => p.IdempotencyKey).HasMaxLength(100);
        builder.Property(p => p.ProviderReference).HasMaxLength(200);
        builder.Property(p => p.RedirectUrl).HasMaxLength(4000);
        builder.Property(p => p.ClientSecret).HasMaxLength(500);
        builder.Property(p => p.FailureReason).HasMaxLength(200);
        builder.Ignore(p => p.Reference);
        builder.HasIndex(p => new { p.BuyerId, p.IdempotencyKey }).IsUnique().HasDatabaseName(IdempotencyIndex);
        builder.HasIndex(p => new { p.BuyerId, p.Id });
        builder.HasIndex(p => p.CheckoutId);

        builder.HasMany(p => p.Orders).WithOne().HasForeignKey(o => o.PaymentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Orders).HasField("_orders").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Transactions).WithOne().HasForeignKey(t => t.PaymentId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(p => p.Transactions).HasField("_transactions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PaymentOrderConfiguration : IEntityTypeConfiguration<PaymentOrder>
{
    public void Configure(EntityTypeBuilder<PaymentOrder> builder)
    {
        builder.ToTable("payment_orders");
        builder.HasKey(o => new { o.PaymentId, o.OrderId });
        builder.Property(o => o.OrderNumber).HasMaxLength(20);
        builder.HasIndex(o => o.OrderId);
        builder.HasIndex(o => o.ShopId);
    }
}

internal sealed class PaymentTransactionConfiguration : IEntityTypeConfiguration<PaymentTransaction>
{
    public void Configure(EntityTypeBuilder<PaymentTransaction> builder)
    {
        builder.ToTable("payment_transactions", t => t.HasCheckConstraint("ck_payment_transactions_amount_positive", "amount > 0"));
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Currency).HasMaxLength(3);
        builder.Property(t => t.ProviderCurrency).HasMaxLength(3);
        builder.Property(t => t.ProviderReference).HasMaxLength(200);
        builder.HasIndex(t => new { t.PaymentId, t.Sequence }).IsUnique();
        // One capture per payment, whatever races: the database has the last word.
        builder.HasIndex(t => t.PaymentId).IsUnique().HasFilter("kind = 'Capture'").HasDatabaseName("ix_payment_transactions_one_capture");
        builder.HasIndex(t => t.RefundId).IsUnique().HasFilter("refund_id IS NOT NULL");
    }
}
