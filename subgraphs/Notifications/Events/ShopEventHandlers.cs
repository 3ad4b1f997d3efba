using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Shops;
using GoShop.Notifications.Data;
using GoShop.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GoShop.Notifications.Events;

/// <summary>Who owns each shop, for catalog's and reviews' events, which name only the shop.</summary>
public sealed class KeepShopOwnerOnCreated(NotificationsDbContext db, TimeProvider clock, ILogger<KeepShopOwnerOnCreated> logger)
    : IntegrationEventHandler<ShopCreated, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ShopCreated message, CancellationToken cancellationToken) => ShopOwners.KeepAsync(Db, message.Shop, cancellationToken);
}

public sealed class KeepShopOwnerOnUpdated(NotificationsDbContext db, TimeProvider clock, ILogger<KeepShopOwnerOnUpdated> logger)
    : IntegrationEventHandler<ShopUpdated, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ShopUpdated message, CancellationToken cancellationToken) => ShopOwners.KeepAsync(Db, message.Shop, cancellationToken);
}

internal static class ShopOwners
{
    public static async Task KeepAsync(NotificationsDbContext db, ShopSnapshot shop, CancellationToken cancellationToken)
    {
        if (await db.ShopOwners.FindAsync([shop.ShopId], cancellationToken) is { } known)
            known.Change(shop.OwnerId, shop.Name);
        else
            db.ShopOwners.Add(ShopOwner.Of(shop.ShopId, shop.OwnerId, shop.Name));
    }

    /// <summary>The shop's owner: from shops' events, or else the seller of one of its orders.</summary>
    public static async Task<Guid?> OwnerOfAsync(NotificationsDbContext db, Guid shopId, CancellationToken cancellationToken)
    {
        if (await db.ShopOwners.FindAsync([shopId], cancellationToken) is { } shop)
            return shop.OwnerId;
        return await db.OrderParties.Where(o => o.ShopId == shopId).Select(o => (Guid?)o.SellerId).FirstOrDefaultAsync(cancellationToken);
    }
}
