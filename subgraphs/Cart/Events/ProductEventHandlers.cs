using GoShop.BuildingBlocks.Messaging;
using GoShop.Cart.Catalog;
using GoShop.Cart.Data;
using GoShop.Contracts.Catalog;

namespace GoShop.Cart.Events;

/// <summary>A new product: its listing, price and status go into the read model.</summary>
public sealed class ProductCreatedHandler(CartDbContext db, ProductCopies copies, TimeProvider clock, ILogger<ProductCreatedHandler> logger)
    : IntegrationEventHandler<ProductCreated, CartDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ProductCreated message, CancellationToken cancellationToken) =>
        copies.ApplySnapshotAsync(message.Product, message.OccurredAt, cancellationToken);
}

/// <summary>A product's title, picture, status, price or discount changed: carts show the new ones.</summary>
public sealed class ProductUpdatedHandler(CartDbContext db, ProductCopies copies, TimeProvider clock, ILogger<ProductUpdatedHandler> logger)
    : IntegrationEventHandler<ProductUpdated, CartDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ProductUpdated message, CancellationToken cancellationToken) =>
        copies.ApplySnapshotAsync(message.Product, message.OccurredAt, cancellationToken);
}

/// <summary>A product's or a variant's list price changed.</summary>
public sealed class PriceChangedHandler(CartDbContext db, ProductCopies copies, TimeProvider clock, ILogger<PriceChangedHandler> logger)
    : IntegrationEventHandler<PriceChanged, CartDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(PriceChanged message, CancellationToken cancellationToken) =>
        copies.ApplyPriceAsync(message, cancellationToken);
}

/// <summary>Stock moved: lines asking for more than is available get flagged, and unflagged when stock returns.</summary>
public sealed class StockChangedHandler(CartDbContext db, ProductCopies copies, TimeProvider clock, ILogger<StockChangedHandler> logger)
    : IntegrationEventHandler<StockChanged, CartDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(StockChanged message, CancellationToken cancellationToken) =>
        copies.ApplyStockAsync(message, cancellationToken);
}

/// <summary>A deleted product stays in the carts holding it, flagged DELETED, until the buyer removes it.</summary>
public sealed class ProductDeletedHandler(CartDbContext db, ProductCopies copies, TimeProvider clock, ILogger<ProductDeletedHandler> logger)
    : IntegrationEventHandler<ProductDeleted, CartDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ProductDeleted message, CancellationToken cancellationToken) =>
        copies.ApplyDeletedAsync(message, cancellationToken);
}
