using GoShop.Analytics.Data;
using GoShop.Analytics.Domain;
using GoShop.Analytics.Facts;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Shops;

namespace GoShop.Analytics.Events;

/// <summary>Keeps each product's shop and category; a change of category recounts the category rollups of its days.</summary>
public abstract class ProductCopyHandler<TEvent>(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger logger)
    : AnalyticsEventHandler<TEvent>(db, facts, clock, logger)
    where TEvent : class, GoShop.Contracts.IIntegrationEvent
{
    protected async Task CopyAsync(ProductSnapshot product, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        await Db.LockAsync("analytics-product", product.ProductId.ToString(), cancellationToken);
        var copy = await Db.Products.FindAsync([product.ProductId], cancellationToken);
        if (copy is null)
        {
            copy = ProductCopy.Start(product.ProductId);
            Db.Products.Add(copy);
        }
        if (copy.Apply(product.ShopId, product.CategoryId, product.Title, occurredAt))
            Facts.Rollups.Recategorised(product.ProductId);
    }
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
