using System.Text.Json;
using GoShop.Payments.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Payments.Data.Configurations;

internal sealed class OrderRecordConfiguration : IEntityTypeConfiguration<OrderRecord>
{
    public void Configure(EntityTypeBuilder<OrderRecord> builder)
    {
        builder.ToTable("order_records");
        builder.HasKey(o => o.OrderId);
        builder.Property(o => o.OrderId).ValueGeneratedNever();
        builder.Property(o => o.Number).HasMaxLength(20);
        builder.Property(o => o.Status).HasMaxLength(20);
        builder.Property(o => o.PaymentMethod).HasMaxLength(20);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Ignore(o => o.IsCancelled);
        // The lines are only ever read whole, for a receipt.
        builder.Property(o => o.Lines)
            .HasColumnType("jsonb")
            .HasConversion(
                lines => JsonSerializer.Serialize(lines, JsonSerializerOptions.Web),
                json => JsonSerializer.Deserialize<List<ReceiptLine>>(json, JsonSerializerOptions.Web) ?? new List<ReceiptLine>(),
                new ValueComparer<List<ReceiptLine>>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, x) => HashCode.Combine(h, x)), l => l.ToList()));
        builder.HasIndex(o => o.CheckoutId);
    }
}
