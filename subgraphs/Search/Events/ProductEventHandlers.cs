using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Catalog;
using GoShop.Search.Alerts;
using GoShop.Search.Data;
using GoShop.Search.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Search.Events;

/// <summary>Catalog's product events: each upserts the product's copy (the index feed takes it from there) and checks its price alerts.</summary>
public sealed class ProductCreatedHandler(SearchDbContext db, TimeProvider clock, ILogger<ProductCreatedHandler> logger)
    : IntegrationEventHandler<ProductCreated, SearchDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ProductCreated message, CancellationToken cancellationToken) =>
        ProductChanges.ApplySnapshotAsync(Db, message.Product, message.OccurredAt, Clock.GetUtcNow(), cancellationToken);
}

public sealed class ProductUpdatedHandler(SearchDbContext db, TimeProvider clock, ILogger<ProductUpdatedHandler> logger)
    : IntegrationEventHandler<ProductUpdated, SearchDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ProductUpdated message, CancellationToken cancellationToken) =>
        ProductChanges.ApplySnapshotAsync(Db, message.Product, message.OccurredAt, Clock.GetUtcNow(), cancellationToken);
}

public sealed class ProductDeletedHandler(SearchDbContext db, TimeProvider clock, ILogger<ProductDeletedHandler> logger)
    : IntegrationEventHandler<ProductDeleted, SearchDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ProductDeleted message, CancellationToken cancellationToken)
    {
        var product = await Db.LockProductAsync(message.ProductId, cancellationToken);
        product.Delete();
    }
}

public sealed class PriceChangedHandler(SearchDbContext db, TimeProvider clock, ILogger<PriceChangedHandler> logger)
    : IntegrationEventHandler<PriceChanged, SearchDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PriceChanged message, CancellationToken cancellationToken)
    {
        // A variant's price is not the product's; discounts arrive whole with ProductUpdated (the sale price and its window).
        if (message.VariantId is not null || message.Kind != "LIST_PRICE")
            return;
        var product = await Db.LockProductAsync(message.ProductId, cancellationToken);
        var wasInStock = product.InStock;
        if (product.ApplyListPrice(message.Price, message.OccurredAt))
            await PriceAlertWatch.CheckAsync(Db, product, wasInStock, Clock.GetUtcNow(), cancellationToken);
    }
}

public sealed class StockChangedHandler(SearchDbContext db, TimeProvider clock, ILogger<StockChangedHandler> logger)
    : IntegrationEventHandler<StockChanged, SearchDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(StockChanged message, CancellationToken cancellationToken)
    {
        var product = await Db.LockProductAsync(message.ProductId, cancellationToken);
        var wasInStock = product.InStock;
        if (product.ApplyStock(message.Available, message.ProductStatus, message.OccurredAt))
            await PriceAlertWatch.CheckAsync(Db, product, wasInStock, Clock.GetUtcNow(), cancellationToken);
    }
}

internal static class ProductChanges
{
    public static async Task ApplySnapshotAsync(SearchDbContext db, ProductSnapshot snapshot, DateTimeOffset asOf, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var product = await db.LockProductAsync(snapshot.ProductId, cancellationToken);
        var known = product.DetailsAsOf != DateTimeOffset.MinValue;
        var wasInStock = known && product.InStock;
        if (!product.Apply(snapshot, asOf))
            return;
        // A snapshot written before its category (or one above it) moved, and handled after the move, carries the old path.
        // The category's copy, read under the product's lock, knows the move: a move committed since then finds this row
        // with the category in its path and rewrites it (CategoryUpdatedHandler).
        if (product.CategoryId is { } categoryId
            && await db.Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Id == categoryId, cancellationToken) is { } category
            && category.AsOf > asOf)
            product.FollowCategoryMove(category.Path);
        if (known)
            await PriceAlertWatch.CheckAsync(db, product, wasInStock, now, cancellationToken);
    }
}
