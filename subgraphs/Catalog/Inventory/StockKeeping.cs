using GoShop.BuildingBlocks.Domain;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Catalog.Shops;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Inventory;

/// <summary>A stock adjustment as committed: the product, the variant adjusted (if any) and the ledger entry.</summary>
public sealed record StockAdjusted(Product Product, ProductVariant? Variant, InventoryMovement Movement);

/// <summary>
/// A seller's own stock moves: counted adjustments (an ADJUSTMENT in the ledger, with its reason) and the low-stock
/// warning level. Both run under the product's stock lock, as reservations do.
/// </summary>
public sealed class StockKeeping(CatalogDbContext db, ShopAccess access, StockLedger ledger, TimeProvider clock)
{
    /// <summary>Adds or takes away stock of the product, or of one of its variants; on hand never drops below what is reserved.</summary>
    public async Task<Result<StockAdjusted>> AdjustStockAsync(Guid productId, Guid? variantId, int delta, string reason, Guid actorId,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await ledger.LockForChangeAsync(productId, access, cancellationToken);
        if (!locked.Succeeded)
            return locked.Error;
        var (stock, product) = locked.Value;
        if (stock.Row(product.Id, variantId) is not { } row)
            return CatalogErrors.VariantNotFound;

        var now = clock.GetUtcNow();
        var adjusted = row.Adjust(delta, stock.ExpiredHeld(row), reason, actorId, now);
        if (!adjusted.Succeeded)
            return adjusted.Error;
        ledger.Record(stock, adjusted.Value);
        ledger.Settle(stock, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var variant = variantId is { } id ? await db.Variants.AsNoTracking().SingleAsync(v => v.Id == id, cancellationToken) : null;
        return new StockAdjusted(product, variant, adjusted.Value);
    }

    public async Task<Result<Product>> SetLowStockThresholdAsync(Guid productId, int threshold, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await ledger.LockForChangeAsync(productId, access, cancellationToken);
        if (!locked.Succeeded)
            return locked.Error;
        var (stock, product) = locked.Value;
        product.SetLowStockThreshold(threshold, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return product;
    }
}
