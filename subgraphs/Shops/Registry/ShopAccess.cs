using GoShop.BuildingBlocks.Domain;
using GoShop.Shops.Data;
using GoShop.Shops.Domain;

namespace GoShop.Shops.Registry;

/// <summary>Loads a shop for a change by its owner or an admin.</summary>
internal static class ShopAccess
{
    /// <summary>
    /// The shop, locked until the transaction ends (changes to one shop, its promotions and campaigns run one after
    /// another), when it exists, the user manages it and it is not closed.
    /// </summary>
    public static async Task<Result<Shop>> LoadForChangeAsync(ShopsDbContext db, Guid userId, bool isAdmin, Guid shopId, CancellationToken cancellationToken)
    {
        var shop = await db.LockShopAsync(shopId, cancellationToken);
        if (shop is null)
            return ShopErrors.ShopNotFound;
        if (shop.OwnerId != userId && !isAdmin)
            return ShopErrors.NotShopOwner;
        if (shop.IsClosed)
            return ShopErrors.ShopClosed;
        return shop;
    }
}
