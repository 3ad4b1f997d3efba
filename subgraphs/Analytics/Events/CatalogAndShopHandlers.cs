using GoShop.Analytics.Data;
using GoShop.Analytics.Domain;
using GoShop.Analytics.Facts;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Shops;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Analytics.Events;

/// <summary>
/// Keeps each product's shop, category and title as of its latest event (an older event than the last one applied
/// changes nothing); a change of category recounts its old and new categories on every day the product has a fact.
/// </summary>
/// <remarks>
/// Catalog publishes ProductUpdated for every change of a product, most of which analytics does not keep (each review
/// changes the rating, each sale the sold count), so this is one upsert rather than a read, a tracked change and a
/// write: the product's lock makes the statement's snapshot hold every earlier event of the product, so the category it
/// read as before is the one the rollups were last counted with.
/// </remarks>
public abstract class ProductCopyHandler<TEvent>(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger logger)
    : AnalyticsEventHandler<TEvent>(db, facts, clock, logger)
    where TEvent : class, GoShop.Contracts.IIntegrationEvent
{
    protected async Task CopyAsync(ProductSnapshot product, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        await Db.LockAsync("analytics-product", product.ProductId.ToString(), cancellationToken);
        var change = await Db.Database.SqlQuery<CategoryChange>(
            $"""
            WITH previous AS (SELECT category_id FROM products WHERE product_id = {product.ProductId})
            INSERT INTO products AS p (product_id, shop_id, category_id, title, updated_at)
            VALUES ({product.ProductId}, {product.ShopId}, {product.CategoryId}, {product.Title}, {occurredAt.ToUniversalTime()})
            ON CONFLICT (product_id) DO UPDATE
                SET shop_id = excluded.shop_id, category_id = excluded.category_id, title = excluded.title, updated_at = excluded.updated_at
                WHERE p.updated_at <= excluded.updated_at
            RETURNING p.category_id IS DISTINCT FROM (SELECT category_id FROM previous) AS "Changed",
                (SELECT category_id FROM previous) AS "Previous"
            """).ToListAsync(cancellationToken);
        if (change is [{ Changed: true, Previous: var previous }])
            Facts.Rollups.Recategorised(product.ProductId, previous);
    }
}

/// <summary>What a product event's upsert answers: whether the category changed, and the one it had before (the one its rollups were counted with).</summary>
public sealed class CategoryChange
{
    public bool Changed { get; init; }

    public Guid? Previous { get; init; }
}

public sealed class ProductCreatedHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<ProductCreatedHandler> logger)
    : ProductCopyHandler<ProductCreated>(db, facts, clock, logger)
{
    protected override Task RecordAsync(ProductCreated message, CancellationToken cancellationToken) =>
        CopyAsync(message.Product, message.OccurredAt, cancellationToken);
}

public sealed class ProductUpdatedHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<ProductUpdatedHandler> logger)
    : ProductCopyHandler<ProductUpdated>(db, facts, clock, logger)
{
    protected override Task RecordAsync(ProductUpdated message, CancellationToken cancellationToken) =>
        CopyAsync(message.Product, message.OccurredAt, cancellationToken);
}

/// <summary>Keeps each shop's owner (who may read its analytics) and when it opened (new shops on the platform report).</summary>
public abstract class ShopCopyHandler<TEvent>(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger logger)
    : AnalyticsEventHandler<TEvent>(db, facts, clock, logger)
    where TEvent : class, GoShop.Contracts.IIntegrationEvent
{
    protected async Task CopyAsync(ShopSnapshot shop, DateTimeOffset occurredAt, bool created, CancellationToken cancellationToken)
    {
        await Db.LockAsync("analytics-shop", shop.ShopId.ToString(), cancellationToken);
        var copy = await Db.Shops.FindAsync([shop.ShopId], cancellationToken);
        if (copy is null)
        {
            copy = ShopCopy.From(shop);
            Db.Shops.Add(copy);
        }
        copy.Apply(shop, occurredAt, created);
    }
}

public sealed class ShopCreatedHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<ShopCreatedHandler> logger)
    : ShopCopyHandler<ShopCreated>(db, facts, clock, logger)
{
    protected override Task RecordAsync(ShopCreated message, CancellationToken cancellationToken) =>
        CopyAsync(message.Shop, message.OccurredAt, created: true, cancellationToken);
}

public sealed class ShopUpdatedHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<ShopUpdatedHandler> logger)
    : ShopCopyHandler<ShopUpdated>(db, facts, clock, logger)
{
    protected override Task RecordAsync(ShopUpdated message, CancellationToken cancellationToken) =>
        CopyAsync(message.Shop, message.OccurredAt, created: false, cancellationToken);
}
