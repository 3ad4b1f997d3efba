namespace GoShop.Contracts.Catalog;

/// <summary>
/// What other subgraphs keep of a product (today cart, which shows and prices its lines with it). Every product
/// event carries all of it, so a consumer simply upserts. Prices are in <see cref="Currency"/>; the sale price and its
/// window are set only while a discount is scheduled or running.
/// </summary>
public sealed record ProductSnapshot(
    Guid ProductId,
    Guid ShopId,
    string Title,
    string? Description,
    string? Brand,
    string? Model,
    Guid? CategoryId,
    IReadOnlyList<Guid> CategoryPath,
    string Status,
    decimal Price,
    decimal? SalePrice,
    DateTimeOffset? SaleStartsAt,
    DateTimeOffset? SaleEndsAt,
    string Currency,
    int WeightGrams,
    IReadOnlyList<Guid> MediaIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A seller listed a new product.</summary>
public sealed record ProductCreated(ProductSnapshot Product, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A product's details, status, media or discount changed.</summary>
public sealed record ProductUpdated(ProductSnapshot Product, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A seller deleted a product; it is no longer for sale anywhere.</summary>
public sealed record ProductDeleted(Guid ProductId, Guid ShopId, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// What a buyer pays for a product (or one of its variants) changed: <see cref="Kind"/> is LIST_PRICE (setProductPrice),
/// DISCOUNT_SET or DISCOUNT_REMOVED. <see cref="EffectivePrice"/> is the price at the moment of the change.
/// </summary>
public sealed record PriceChanged(
    Guid ProductId,
    Guid? VariantId,
    Guid ShopId,
    string Kind,
    decimal? PreviousPrice,
    decimal Price,
    decimal EffectivePrice,
    string Currency,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// The stock of a product (or one of its variants, <see cref="VariantId"/>) moved: an adjustment, a reservation, a
/// release, a sale or a return. The numbers are those of that stock row after the movement; <see cref="ProductStatus"/>
/// is the product's status after it (OUT_OF_STOCK once nothing is available).
/// </summary>
public sealed record StockChanged(
    Guid ProductId,
    Guid? VariantId,
    Guid ShopId,
    string MovementKind,
    int OnHand,
    int Reserved,
    int Available,
    string ProductStatus,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// The available stock of a product (or variant) fell to its low-stock threshold or below, from above it: published
/// once per crossing, not on every movement under the threshold (notifications tells the seller).
/// </summary>
public sealed record LowStockReached(
    Guid ProductId,
    Guid? VariantId,
    Guid ShopId,
    string Title,
    int Available,
    int Threshold,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// An admin renamed a category or moved it (updateCategory). <see cref="Category"/> is the category as it is now;
/// <see cref="Descendants"/> every category under it, with its path now (a move changes them all). Products of the
/// category and its descendants have new category names or paths without a product event of their own.
/// </summary>
public sealed record CategoryUpdated(CategorySummary Category, IReadOnlyList<CategorySummary> Descendants, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// An admin added a category (createCategory). It has no products yet; consumers that name categories (search's facets,
/// suggestions and category filter) know it from now on instead of from their next read of the whole tree.
/// </summary>
public sealed record CategoryCreated(CategorySummary Category, DateTimeOffset OccurredAt) : IIntegrationEvent;
