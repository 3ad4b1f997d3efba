using GoShop.BuildingBlocks.Data;
using GoShop.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : GoShopDbContext(options)
{
    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<ChannelDelivery> Deliveries => Set<ChannelDelivery>();

    public DbSet<Recipient> Recipients => Set<Recipient>();

    public DbSet<NotificationPreference> Preferences => Set<NotificationPreference>();

    public DbSet<NotificationTemplate> Templates => Set<NotificationTemplate>();

    public DbSet<OrderParty> OrderParties => Set<OrderParty>();

    public DbSet<ShopOwner> ShopOwners => Set<ShopOwner>();

    public DbSet<PushDevice> PushDevices => Set<PushDevice>();

    public DbSet<NotificationDigest> Digests => Set<NotificationDigest>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly);
    }
}
