using GoShop.BuildingBlocks.Domain;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Catalog.Inventory;
using GoShop.Catalog.Products;
using GoShop.Catalog.Shops;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Prices;

/// <summary>
/// List prices and discounts of a shop's products, changed under the product's stock lock. Every list price lands in
/// the price history, and every change announces the new effective price.
/// </summary>
public sealed class PriceBook(CatalogDbContext db, ShopAccess access, StockLedger ledger, ProductEvents events, TimeProvider clock)
{
    /// <summary>The list price of the product, or of one of its variants when <paramref name="variantId"/> is given.</summary>
    public async Task<Result<Product>> ChangePriceAsync(Guid productId, Guid? variantId, decimal price, Guid actorId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await ledger.LockForChangeAsync(productId, access, cancellationToken);
        if (!locked.Succeeded)
            return locked.Error;
        var (stock, product) = locked.Value;

        var now = clock.GetUtcNow();
        if (variantId is { } id)
        {
            var variant = await db.Variants.SingleOrDefaultAsync(v => v.Id == id && v.ProductId == product.Id, cancellationToken);
            if (variant is null)
                return CatalogErrors.VariantNotFound;
            var previous = variant.Price;
            var variantChange = variant.SetPrice(price, product.Currency, actorId, now);
            db.PriceChanges.Add(variantChange.Value!);
            events.PriceChanged(product, variant.Id, "LIST_PRICE", previous, variant.Price, product.EffectivePriceOf(variant.Price, now), now);
        }
        else
        {
            var previous = product.Price;
            var change = product.SetPrice(price, actorId, now);
            if (!change.Succeeded)
                return change.Error;
            db.PriceChanges.Add(change.Value);
            events.PriceChanged(product, null, "LIST_PRICE", previous, product.Price, product.EffectivePriceAt(now), now);
            await events.UpdatedAsync(product, now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return product;
    }

    /// <summary>Puts the product on sale from <paramref name="startsAt"/> (default: now), replacing any discount it had.</summary>
    public Task<Result<Product>> SetDiscountAsync(Guid productId, decimal salePrice, DateTimeOffset? startsAt, DateTimeOffset endsAt,
        CancellationToken cancellationToken) =>
        ChangeDiscountAsync(productId, "DISCOUNT_SET", (product, now) => product.SetDiscount(salePrice, startsAt ?? now, endsAt, now), cancellationToken);

    public Task<Result<Product>> RemoveDiscountAsync(Guid productId, CancellationToken cancellationToken) =>
        ChangeDiscountAsync(productId, "DISCOUNT_REMOVED", (product, now) => product.RemoveDiscount(now), cancellationToken);

    private async Task<Result<Product>> ChangeDiscountAsync(Guid productId, string kind, Func<Product, DateTimeOffset, Result> change,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await ledger.LockForChangeAsync(productId, access, cancellationToken);
        if (!locked.Succeeded)
            return locked.Error;
        var (stock, product) = locked.Value;
        var now = clock.GetUtcNow();
        var changed = change(product, now);
        if (!changed.Succeeded)
            return changed.Error;
        events.PriceChanged(product, null, kind, null, product.Price, product.EffectivePriceAt(now), now);
        await events.UpdatedAsync(product, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return product;
    }
}
