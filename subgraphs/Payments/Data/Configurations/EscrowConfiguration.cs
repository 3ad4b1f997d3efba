using GoShop.Payments.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Payments.Data.Configurations;

internal sealed class EscrowConfiguration : IEntityTypeConfiguration<Escrow>
{
    public void Configure(EntityTypeBuilder<Escrow> builder)
    {
        builder.ToTable("escrows", t => t.HasCheckConstraint("ck_escrows_refunded_within_amount", "refunded_amount >= 0 AND refunded_amount <= amount"));
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Currency).HasMaxLength(3);
        builder.Property(e => e.ReleaseReason).HasMaxLength(40);
        // One escrow per order: a second payment of an order is refunded, never held twice.
        builder.HasIndex(e => e.OrderId).IsUnique();
        builder.HasIndex(e => e.PaymentId);
        builder.HasIndex(e => e.ReleaseDueAt).HasDatabaseName("ix_escrows_held_release_due").HasFilter("status = 'Held'");
    }
}

internal sealed class ShopLedgerEntryConfiguration : IEntityTypeConfiguration<ShopLedgerEntry>
{
    public void Configure(EntityTypeBuilder<ShopLedgerEntry> builder)
    {
        builder.ToTable("shop_ledger_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Currency).HasMaxLength(3);
        builder.HasIndex(e => new { e.ShopId, e.Id });
        builder.HasIndex(e => e.PayoutId);
    }
}

internal sealed class ShopDebtConfiguration : IEntityTypeConfiguration<ShopDebt>
{
    public void Configure(EntityTypeBuilder<ShopDebt> builder)
    {
        builder.ToTable("shop_debts", t => t.HasCheckConstraint("ck_shop_debts_outstanding", "outstanding >= 0 AND outstanding <= amount"));
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Cause).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Currency).HasMaxLength(3);
        builder.HasIndex(d => new { d.ShopId, d.Id }).HasDatabaseName("ix_shop_debts_outstanding").HasFilter("outstanding > 0");
    }
}

internal sealed class PayoutConfiguration : IEntityTypeConfiguration<Payout>
{
    public void Configure(EntityTypeBuilder<Payout> builder)
    {
        builder.ToTable("payouts", t => t.HasCheckConstraint("ck_payouts_amount_positive", "amount > 0"));
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.IdempotencyKey).HasMaxLength(Payout.MaxText);
        builder.Property(p => p.BankReference).HasMaxLength(Payout.MaxText);
        builder.Property(p => p.FailureReason).HasMaxLength(Payout.MaxText);
        builder.HasIndex(p => new { p.ShopId, p.IdempotencyKey }).IsUnique();
        builder.HasIndex(p => new { p.ShopId, p.Id });
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> builder)
    {
        builder.ToTable("refunds", t => t.HasCheckConstraint("ck_refunds_amount_positive", "amount > 0"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.Property(r => r.ProviderCurrency).HasMaxLength(3);
        builder.Property(r => r.Reason).HasMaxLength(Refund.MaxReason);
        builder.Property(r => r.IdempotencyKey).HasMaxLength(100);
        builder.Property(r => r.ProviderTransactionId).HasMaxLength(200);
        builder.Property(r => r.FailureReason).HasMaxLength(200);
        builder.Ignore(r => r.Reference);
        builder.HasIndex(r => new { r.PaymentId, r.IdempotencyKey }).IsUnique();
        builder.HasIndex(r => r.OrderId);
        // A received return is refunded once: a re-sent ReturnReceived finds its refunds.
        builder.HasIndex(r => r.ReturnId).HasFilter("return_id IS NOT NULL");
    }
}

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> builder)
    {
        builder.ToTable("disputes");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Reason).HasMaxLength(Dispute.MaxReason);
        builder.Property(d => d.ResolutionNote).HasMaxLength(Dispute.MaxReason);
        builder.Property(d => d.ProviderReference).HasMaxLength(200);
        // At most one open dispute per order.
        builder.HasIndex(d => d.OrderId).IsUnique().HasFilter("status = 'Open'").HasDatabaseName("ix_disputes_one_open_per_order");
        builder.HasIndex(d => d.PaymentId);
    }
}

internal sealed class SavedPaymentMethodConfiguration : IEntityTypeConfiguration<SavedPaymentMethod>
{
    public void Configure(EntityTypeBuilder<SavedPaymentMethod> builder)
    {
        builder.ToTable("saved_payment_methods", t => t.HasCheckConstraint("ck_saved_payment_methods_last4", "last4 ~ '^[0-9]{4}$'"));
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Gateway).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Token).HasMaxLength(SavedPaymentMethod.MaxToken);
        builder.Property(m => m.Brand).HasMaxLength(SavedPaymentMethod.MaxBrand);
        builder.Property(m => m.Last4).HasMaxLength(4);
        builder.HasIndex(m => new { m.UserId, m.Id });
        builder.HasIndex(m => new { m.UserId, m.Gateway, m.Token }).IsUnique();
        builder.HasIndex(m => m.UserId).IsUnique().HasFilter("is_default").HasDatabaseName("ix_saved_payment_methods_one_default");
    }
}

internal sealed class CodDebtConfiguration : IEntityTypeConfiguration<CodDebt>
{
    public void Configure(EntityTypeBuilder<CodDebt> builder)
    {
        builder.ToTable("cod_debts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Currency).HasMaxLength(3);
        builder.HasIndex(d => d.OrderId).IsUnique();
        builder.HasIndex(d => new { d.ShipperId, d.SettledAt });
    }
}

internal sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public const string ProviderEventIndex = "ix_webhook_events_gateway_provider_event_id";

    public void Configure(EntityTypeBuilder<WebhookEvent> builder)
    {
        builder.ToTable("webhook_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Gateway).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ProviderEventId).HasMaxLength(200);
        builder.Property(e => e.Reference).HasMaxLength(200);
        builder.Property(e => e.Outcome).HasMaxLength(30);
        builder.HasIndex(e => new { e.Gateway, e.ProviderEventId }).IsUnique().HasDatabaseName(ProviderEventIndex);
    }
}
