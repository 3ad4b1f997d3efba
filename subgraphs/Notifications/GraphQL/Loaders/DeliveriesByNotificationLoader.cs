using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Notifications.Data;
using GoShop.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Notifications.GraphQL.Loaders;

/// <summary>The delivery log of notifications (Notification.deliveries), one query per page of notifications.</summary>
public sealed class DeliveriesByNotificationLoader(NotificationsDbContext db) : BatchLoader<Guid, IReadOnlyList<ChannelDelivery>>
{
    protected override async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ChannelDelivery>>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        var rows = await db.Deliveries.AsNoTracking().Where(d => keys.Contains(d.NotificationId)).OrderBy(d => d.Channel).ToListAsync(cancellationToken);
        return keys.ToDictionary(k => k, k => (IReadOnlyList<ChannelDelivery>)rows.Where(d => d.NotificationId == k).ToList());
    }
}
