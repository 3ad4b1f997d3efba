namespace GoShop.Contracts.Search;

/// <summary>Why a price alert fired.</summary>
public static class PriceAlertReasons
{
    /// <summary>A price change or a discount brought the effective price to the target or below.</summary>
    public const string PriceReached = "PRICE_REACHED";

    /// <summary>The product (at or below the target) can be bought again after being out of stock.</summary>
    public const string BackInStock = "BACK_IN_STOCK";
}

/// <summary>
/// A buyer's price alert fired, once per alert: notifications tells the buyer. Prices are in <see cref="Currency"/>.
/// </summary>
public sealed record PriceAlertTriggered(
    Guid AlertId,
    Guid UserId,
    Guid ProductId,
    Guid ShopId,
    string ProductTitle,
    decimal TargetPrice,
    decimal EffectivePrice,
    string Currency,
    string Reason,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>One product page a buyer (or an anonymous visitor, <see cref="UserId"/> null) opened.</summary>
public sealed record ProductView(Guid ViewId, Guid ProductId, Guid ShopId, Guid? UserId, string? VisitorId, DateTimeOffset ViewedAt);

/// <summary>
/// Product views search recorded, sent in batches (analytics counts them). A view is counted once by its
/// <see cref="ProductView.ViewId"/>, whatever the redelivery.
/// </summary>
public sealed record ProductViewsRecorded(IReadOnlyList<ProductView> Views, DateTimeOffset OccurredAt) : IIntegrationEvent;
