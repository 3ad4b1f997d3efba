using GoShop.Cart.Data;
using GoShop.Cart.Domain;
using GoShop.Contracts.Catalog;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Cart.Catalog;

/// <summary>
/// Keeps the read model of catalog's products (<see cref="ProductCopy"/>, <see cref="VariantCopy"/>) from catalog's
/// events and lookups. Events of one product arrive on several queues and may be handled at the same moment: each
/// writer makes sure the row exists (a second insert waits for the first, then does nothing), then locks it, so no two
/// ever both insert or overwrite each other; the parts of a row each keep the newest value whatever the order.
/// </summary>
public sealed class ProductCopies(CartDbContext db)
{
    public async Task ApplySnapshotAsync(ProductSnapshot snapshot, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var product = await LockAsync(snapshot.ProductId, snapshot.ShopId, cancellationToken);
        product.ApplyListing(new ProductListing(snapshot.ShopId, snapshot.Title, snapshot.Currency, snapshot.WeightGrams,
            snapshot.MediaIds.Count > 0 ? snapshot.MediaIds[0] : null, snapshot.SalePrice, snapshot.SaleStartsAt, snapshot.SaleEndsAt), asOf);
        product.ApplyPrice(snapshot.Price, asOf);
        product.ApplyStatus(snapshot.Status, asOf);
    }

    /// <summary>A list price moved. The sale price comes with the product snapshot catalog publishes beside every discount change.</summary>
    public async Task ApplyPriceAsync(PriceChanged change, CancellationToken cancellationToken)
    {
        var product = await LockAsync(change.ProductId, change.ShopId, cancellationToken);
        if (change.VariantId is { } variantId)
            (await LockVariantAsync(product.ProductId, variantId, cancellationToken)).ApplyPrice(change.Price, change.OccurredAt);
        else
            product.ApplyPrice(change.Price, change.OccurredAt);
    }

    public async Task ApplyStockAsync(StockChanged change, CancellationToken cancellationToken)
    {
        var product = await LockAsync(change.ProductId, change.ShopId, cancellationToken);
        product.ApplyStatus(change.ProductStatus, change.OccurredAt);
        if (change.VariantId is { } variantId)
            (await LockVariantAsync(product.ProductId, variantId, cancellationToken)).ApplyStock(change.Available, change.OccurredAt);
        else
            product.ApplyStock(change.Available, change.OccurredAt);
    }

    public async Task ApplyDeletedAsync(ProductDeleted deleted, CancellationToken cancellationToken) =>
        (await LockAsync(deleted.ProductId, deleted.ShopId, cancellationToken)).MarkDeleted(deleted.OccurredAt);

    /// <summary>
    /// Takes in what catalog's lookup answered just now, in a transaction of its own (the read model is worth refreshing
    /// even when the buyer's change is then refused), or as part of the caller's when one is open. Rows are locked in id
    /// order, products before variants, so two lookups never wait on each other in a circle.
    /// </summary>
    public async Task ApplyLookupAsync(IReadOnlyList<ProductSummary> summaries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (summaries.Count == 0)
            return;
        if (db.Database.CurrentTransaction is not null)
        {
            await ApplyLookupInTransactionAsync(summaries, now, cancellationToken);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ApplyLookupInTransactionAsync(summaries, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task ApplyLookupInTransactionAsync(IReadOnlyList<ProductSummary> summaries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var summary in summaries.DistinctBy(s => s.ProductId).OrderBy(s => s.ProductId))
        {
            var product = await LockAsync(summary.ProductId, summary.ShopId, cancellationToken);
            var own = summaries.FirstOrDefault(s => s.ProductId == summary.ProductId && s.VariantId is null);
            var (salePrice, saleStartsAt, saleEndsAt) = own is null
                ? (product.SalePrice, product.SaleStartsAt, product.SaleEndsAt)
                : product.SaleSeenInLookup(own.Price, own.EffectivePrice, now);
            product.ApplyListing(new ProductListing(summary.ShopId, summary.Title, summary.Currency, summary.WeightGrams, summary.ImageMediaId,
                salePrice, saleStartsAt, saleEndsAt), now);
            product.ApplyStatus(summary.Status, now);
            if (own is not null)
            {
                product.ApplyPrice(own.Price, now);
                product.ApplyStock(own.Available, now);
            }
        }
        foreach (var summary in summaries.Where(s => s.VariantId is not null).OrderBy(s => s.VariantId))
        {
            var variant = await LockVariantAsync(summary.ProductId, summary.VariantId!.Value, cancellationToken);
            variant.ApplyTitle(summary.VariantTitle);
            variant.ApplyPrice(summary.Price, now);
            variant.ApplyStock(summary.Available, now);
        }
    }

    /// <summary>The copies of the given products and variants, for building cart views (two queries whatever the count).</summary>
    public static async Task<(Dictionary<Guid, ProductCopy> Products, Dictionary<Guid, VariantCopy> Variants)> ReadAsync(
        CartDbContext db, IReadOnlyCollection<Guid> productIds, IReadOnlyCollection<Guid> variantIds, CancellationToken cancellationToken)
    {
        var products = productIds.Count == 0
            ? []
            : await db.ProductCopies.AsNoTracking().Where(p => productIds.Contains(p.ProductId)).ToDictionaryAsync(p => p.ProductId, cancellationToken);
        var variants = variantIds.Count == 0
            ? []
            : await db.VariantCopies.AsNoTracking().Where(v => variantIds.Contains(v.VariantId)).ToDictionaryAsync(v => v.VariantId, cancellationToken);
        return (products, variants);
    }

    private async Task<ProductCopy> LockAsync(Guid productId, Guid shopId, CancellationToken cancellationToken)
    {
        // A row nothing was known about yet: every part is older than anything catalog publishes.
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO product_copies (product_id, shop_id, title, status, currency, price, weight_grams, available,
                                        listing_as_of, price_as_of, status_as_of, stock_as_of)
            VALUES ({productId}, {shopId}, '', '', '', 0, 0, 0,
                    {DateTimeOffset.MinValue}, {DateTimeOffset.MinValue}, {DateTimeOffset.MinValue}, {DateTimeOffset.MinValue})
            ON CONFLICT (product_id) DO NOTHING
            """,
            cancellationToken);
        return await db.ProductCopies.FromSql($"SELECT * FROM product_copies WHERE product_id = {productId} FOR UPDATE").SingleAsync(cancellationToken);
    }

    private async Task<VariantCopy> LockVariantAsync(Guid productId, Guid variantId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO variant_copies (variant_id, product_id, price, available, price_as_of, stock_as_of)
            VALUES ({variantId}, {productId}, 0, 0, {DateTimeOffset.MinValue}, {DateTimeOffset.MinValue})
            ON CONFLICT (variant_id) DO NOTHING
            """,
            cancellationToken);
        return await db.VariantCopies.FromSql($"SELECT * FROM variant_copies WHERE variant_id = {variantId} FOR UPDATE").SingleAsync(cancellationToken);
    }
}
