using GoShop.Analytics.Data;
using GoShop.BuildingBlocks.Auth;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Analytics.Reports;

/// <summary>
/// Who may read a shop's analytics: admins, and the shop's owner as shops' events name it (or, before analytics has
/// heard of the shop itself, the seller its orders name).
/// </summary>
public sealed class ShopAccess(AnalyticsDbContext db)
{
    public async Task<bool> CanReadAsync(Viewer viewer, Guid shopId, CancellationToken cancellationToken)
    {
        if (viewer.IsAdmin)
            return true;
        if (viewer.UserId is not { } userId)
            return false;
        var owner = await db.Shops.Where(s => s.ShopId == shopId).Select(s => (Guid?)s.OwnerId).FirstOrDefaultAsync(cancellationToken);
        if (owner is { } known)
            return known == userId;
        return await db.Orders.AnyAsync(o => o.ShopId == shopId && o.SellerId == userId, cancellationToken);
    }

    /// <summary>The shop a product belongs to, from catalog's events or, failing them, from the product's facts.</summary>
    public async Task<Guid?> ShopOfProductAsync(Guid productId, CancellationToken cancellationToken) =>
        await db.Products.Where(p => p.ProductId == productId).Select(p => (Guid?)p.ShopId).FirstOrDefaultAsync(cancellationToken)
        ?? await db.Rollups.Where(r => r.Scope == Domain.RollupScope.Product && r.ScopeId == productId).Select(r => r.ShopId).FirstOrDefaultAsync(cancellationToken);
}
