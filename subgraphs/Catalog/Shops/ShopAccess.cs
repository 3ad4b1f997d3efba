using GoShop.BuildingBlocks.Internal;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Catalog.Events;
using GoShop.Contracts.Shops;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Shops;

/// <summary>
/// Who may manage a shop's products: its owner, or an admin, and only while catalog knows the shop as ACTIVE. Catalog
/// knows shops from the shops subgraph's events; a shop it has not heard of yet (a seller lists a product a moment
/// after opening the shop) is looked up once through the shops subgraph's internal API and remembered.
/// </summary>
public sealed class ShopAccess(CatalogDbContext db, ICurrentUser currentUser, ShopDirectory shops, ILogger<ShopAccess> logger)
{
    public bool IsAdmin => currentUser.IsInRole(Roles.Admin);

    /// <summary>Whether the signed-in user owns the shop or is an admin (for reading a shop's hidden products and history).</summary>
    public bool CanSee(ShopCopy? shop) => currentUser.IsAuthenticated && (IsAdmin || (shop is not null && shop.OwnerId == currentUser.Id));

    /// <summary>Null when the signed-in user may change the shop's products; the reason otherwise.</summary>
    public async Task<DomainError?> CheckCanManageAsync(Guid shopId, CancellationToken cancellationToken)
    {
        var shop = await db.Shops.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shopId, cancellationToken);
        if (shop is null)
        {
            var (learned, error) = await LearnAsync(shopId, cancellationToken);
            if (learned is null)
                return error;
            shop = learned;
        }
        if (shop.OwnerId != currentUser.RequireId() && !IsAdmin)
            return CatalogErrors.NotShopOwner;
        return shop.IsActive ? null : CatalogErrors.ShopNotActive;
    }

    private async Task<(ShopCopy? Shop, DomainError Error)> LearnAsync(Guid shopId, CancellationToken cancellationToken)
    {
        var lookup = await InternalApi.CallAsync(() => shops.FindAsync(shopId, cancellationToken), CatalogErrors.ShopsUnavailable,
            logger, cancellationToken, $"look up shop {shopId} in the shops subgraph");
        if (!lookup.Succeeded)
            return (null, lookup.Error);
        var snapshot = lookup.Value;
        if (snapshot is null)
            return (null, CatalogErrors.ShopNotFound);
        // The events stay the authority: this copy is older than any of them, so the first one to arrive replaces it.
        await ShopCopies.RememberAsync(db, snapshot, cancellationToken);
        return (await db.Shops.AsNoTracking().SingleAsync(s => s.Id == shopId, cancellationToken), CatalogErrors.ShopNotFound);
    }
}
