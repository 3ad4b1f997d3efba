using GoShop.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Notifications.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasMaxLength(40);
        builder.Property(n => n.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Title).HasMaxLength(Notification.MaxTitleLength);
        builder.Property(n => n.Body).HasMaxLength(Notification.MaxBodyLength);
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.Property(n => n.DedupeKey).HasMaxLength(200);
        // One notification per event per person, whatever the redelivery.
        builder.HasIndex(n => new { n.UserId, n.DedupeKey }).IsUnique();
        // The inbox, newest first (ids are time-ordered), and its unread part.
        builder.HasIndex(n => new { n.UserId, n.Id });
        builder.HasIndex(n => new { n.UserId, n.Id }).HasFilter("read_at IS NULL").HasDatabaseName("ix_notifications_user_id_id_unread");
        // The retention sweep.
        builder.HasIndex(n => n.CreatedAt);
    }
}

internal sealed class ChannelDeliveryConfiguration : IEntityTypeConfiguration<ChannelDelivery>
{
    public void Configure(EntityTypeBuilder<ChannelDelivery> builder)
    {
        builder.ToTable("channel_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.LastError).HasMaxLength(ChannelDelivery.MaxErrorLength);
        // One delivery per notification per channel.
        builder.HasIndex(d => new { d.NotificationId, d.Channel }).IsUnique();
        // What the dispatcher claims next.
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("status = 'Pending'");
        builder.HasIndex(d => d.UserId);
        // The notifications a daily digest carries.
        builder.HasIndex(d => new { d.UserId, d.Channel, d.DigestDay }).HasFilter("status = 'InDigest'");
        builder.HasOne<Notification>().WithMany().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecipientConfiguration : IEntityTypeConfiguration<Recipient>
{
    public void Configure(EntityTypeBuilder<Recipient> builder)
    {
        builder.ToTable("recipients");
        builder.HasKey(r => r.UserId);
        builder.Property(r => r.UserId).ValueGeneratedNever();
        builder.Property(r => r.Email).HasMaxLength(254);
        builder.Property(r => r.FullName).HasMaxLength(200);
        builder.Property(r => r.Phone).HasMaxLength(30);
        builder.Property(r => r.Language).HasMaxLength(5);
        builder.Property(r => r.TimeZone).HasMaxLength(64);
        builder.PrimitiveCollection(r => r.DigestCategories).ElementType().HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("notification_preferences");
        builder.HasKey(p => new { p.UserId, p.Category, p.Channel });
        builder.Property(p => p.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Channel).HasConversion<string>().HasMaxLength(10);
    }
}

internal sealed class NotificationTemplateConfiguration : IEntityTypeConfiguration<NotificationTemplate>
{
    public void Configure(EntityTypeBuilder<NotificationTemplate> builder)
    {
        builder.ToTable("notification_templates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Kind).HasMaxLength(40);
        builder.Property(t => t.Language).HasMaxLength(5);
        builder.Property(t => t.Title).HasMaxLength(NotificationTemplate.MaxTitleLength);
        builder.Property(t => t.Body).HasMaxLength(NotificationTemplate.MaxBodyLength);
        builder.HasIndex(t => new { t.Kind, t.Language, t.Id });
    }
}

internal sealed class OrderPartyConfiguration : IEntityTypeConfiguration<OrderParty>
{
    public void Configure(EntityTypeBuilder<OrderParty> builder)
    {
        builder.ToTable("order_parties");
        builder.HasKey(o => o.OrderId);
        builder.Property(o => o.OrderId).ValueGeneratedNever();
        builder.Property(o => o.Number).HasMaxLength(40);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.HasIndex(o => o.ShopId);
    }
}

internal sealed class ShopOwnerConfiguration : IEntityTypeConfiguration<ShopOwner>
{
    public void Configure(EntityTypeBuilder<ShopOwner> builder)
    {
        builder.ToTable("shop_owners");
        builder.HasKey(s => s.ShopId);
        builder.Property(s => s.ShopId).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(200);
    }
}

internal sealed class PushDeviceConfiguration : IEntityTypeConfiguration<PushDevice>
{
    public void Configure(EntityTypeBuilder<PushDevice> builder)
    {
        builder.ToTable("push_devices");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Endpoint).HasMaxLength(PushDevice.MaxEndpointLength);
        builder.Property(d => d.P256dh).HasMaxLength(100);
        builder.Property(d => d.Auth).HasMaxLength(50);
        // A browser's subscription is one device, whoever registered it last.
        builder.HasIndex(d => d.Endpoint).IsUnique();
        builder.HasIndex(d => d.UserId);
    }
}

internal sealed class NotificationDigestConfiguration : IEntityTypeConfiguration<NotificationDigest>
{
    public void Configure(EntityTypeBuilder<NotificationDigest> builder)
    {
        builder.ToTable("notification_digests");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.LastError).HasMaxLength(NotificationDigest.MaxErrorLength);
        // One digest per person, category, channel and day, whichever instance made it first.
        builder.HasIndex(d => new { d.UserId, d.Category, d.Channel, d.Day }).IsUnique();
        // What the digest sender claims next.
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("status = 'Pending'");
    }
}
