using GoShop.BuildingBlocks.Domain;

namespace GoShop.Search.Domain;

/// <summary>The expected refusals of search's mutations, with their stable codes.</summary>
public static class SearchErrors
{
    public static readonly DomainError ProductNotFound = new("PRODUCT_NOT_FOUND", "No product with this id can be found.", "productId");

    public static readonly DomainError PriceAlertNotFound = new("PRICE_ALERT_NOT_FOUND", "You have no price alert with this id.", "alertId");

    public static readonly DomainError PriceAlertExists = new("PRICE_ALERT_EXISTS", "You already have an active price alert on this product; delete it to set another target.", "productId");

    public static readonly DomainError TooManyPriceAlerts = new("TOO_MANY_PRICE_ALERTS", $"You can keep at most {PriceAlert.MaxActivePerBuyer} active price alerts.", null);

    public static readonly DomainError InvalidTargetPrice = new("INVALID_TARGET_PRICE", "The target price must be more than 0.", "targetPrice");

    public static DomainError TargetAlreadyReached(decimal price) =>
        new("TARGET_ALREADY_REACHED", $"The product already sells at {price:0.##}, at or below your target.", "targetPrice");

    public static readonly DomainError QueryRequired = new("QUERY_REQUIRED", "The search text must have at least one letter or digit.", "query");

    public static readonly DomainError QueryTooLong = new("QUERY_TOO_LONG", $"The search text must be at most {SearchLimits.MaxQueryLength} characters.", "query");

    public static readonly DomainError InvalidPosition = new("INVALID_POSITION", "The position must be between 0 and 10000.", "position");
}

public static class SearchLimits
{
    public const int MaxQueryLength = 200;
    public const int MaxVisitorIdLength = 100;
    public const int RecentSearchesKept = 20;
}
