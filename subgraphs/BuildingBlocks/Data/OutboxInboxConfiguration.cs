using GoShop.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.BuildingBlocks.Data;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.MessageType).HasMaxLength(300);
        builder.Property(x => x.Payload).HasColumnType("jsonb");
        builder.Property(x => x.TraceParent).HasMaxLength(100);
        // The dispatcher's query: undispatched messages, oldest first.
        builder.HasIndex(x => x.Id).HasDatabaseName("ix_outbox_messages_undispatched").HasFilter("dispatched_at IS NULL");
        builder.HasIndex(x => x.DispatchedAt).HasFilter("dispatched_at IS NOT NULL");
    }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("inbox_messages");
        builder.HasKey(x => new { x.MessageId, x.Consumer });
        builder.Property(x => x.Consumer).HasMaxLength(200);
        builder.Property(x => x.MessageType).HasMaxLength(300);
        builder.HasIndex(x => x.ProcessedAt);
    }
}
