using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Catalog.Inventory;
using GoShop.Contracts.Catalog;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Internal;

/// <summary>Current price, status and availability of products and variants, for cart and ordering.</summary>
public sealed class ProductLookup(CatalogDbContext db, StockLedger ledger, TimeProvider clock)
{
    public const int MaxKeys = 200;

    public async Task<IReadOnlyList<ProductSummary>> FindAsync(IReadOnlyList<ProductKey> keys, CancellationToken cancellationToken)
    {
        var productIds = keys.Select(k => k.ProductId).Distinct().ToArray();
        var products = await db.Products.AsNoTracking().Include(p => p.Media)
            .Where(p => productIds.Contains(p.Id) && p.DeletedAt == null)
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var variants = await db.Variants.AsNoTracking().Where(v => productIds.Contains(v.ProductId)).ToDictionaryAsync(v => v.Id, cancellationToken);
        var rows = await db.StockItems.AsNoTracking().Where(s => productIds.Contains(s.ProductId)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var expired = await ledger.ExpiredHeldAsync(rows.Select(r => r.Id).ToArray(), now, cancellationToken);
        var summaries = new List<ProductSummary>();
        foreach (var key in keys.Distinct())
        {
            if (!products.TryGetValue(key.ProductId, out var product))
                continue;
            ProductVariant? variant = null;
            if (key.VariantId is { } variantId && (!variants.TryGetValue(variantId, out variant) || variant.ProductId != product.Id))
                continue;
            var row = rows.FirstOrDefault(r => r.ProductId == product.Id && r.VariantId == key.VariantId);
            var price = variant?.Price ?? product.Price;
            summaries.Add(new ProductSummary(
                product.Id,
                variant?.Id,
                product.ShopId,
                product.Title,
                variant?.Title,
                variant?.Sku,
                product.Status.ToContractName(),
                price,
                variant is null ? product.EffectivePriceAt(now) : product.EffectivePriceOf(price, now),
                product.Currency,
                row is null ? 0 : row.Available(expired.GetValueOrDefault(row.Id)),
                product.WeightGrams,
                product.Media.OrderBy(m => m.Position).FirstOrDefault()?.MediaId));
        }
        return summaries;
    }
}
