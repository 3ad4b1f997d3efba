using GoShop.BuildingBlocks.Domain;

namespace GoShop.Shops.Domain;

/// <summary>
/// How a promotion discounts an order and under which limits. <see cref="Problems"/> lists every broken rule, each
/// with the input field at fault, so a mutation can answer them all at once.
/// </summary>
public sealed record PromotionTerms(
    PromotionType Type,
    decimal Value,
    decimal? MinOrderValue,
    decimal? MaxDiscount,
    int? UsageLimit,
    int? UsageLimitPerUser,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    PromotionScope Scope,
    IReadOnlyList<Guid> ProductIds)
{
    public const int MaxProducts = 500;

    /// <summary>Amounts above this are typing mistakes, not promotions (a trillion dong).</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public IReadOnlyList<DomainError> Problems()
    {
        var problems = new List<DomainError>();
        if (Type == PromotionType.Percentage && Value is < 1 or > 100)
            problems.Add(new("INVALID_VALUE", "A percentage discount is between 1 and 100.", "value"));
        if (Type == PromotionType.FixedAmount && Value is <= 0 or > MaxAmount)
            problems.Add(new("INVALID_VALUE", "A fixed discount is a positive amount.", "value"));
        if (MinOrderValue is < 0 or > MaxAmount)
            problems.Add(new("INVALID_MIN_ORDER_VALUE", "The minimum order value cannot be negative.", "minOrderValue"));
        if (MaxDiscount is <= 0 or > MaxAmount)
            problems.Add(new("INVALID_MAX_DISCOUNT", "The maximum discount is a positive amount.", "maxDiscount"));
        if (UsageLimit is < 1)
            problems.Add(new("INVALID_USAGE_LIMIT", "The usage limit is at least 1.", "usageLimit"));
        if (UsageLimitPerUser is < 1)
            problems.Add(new("INVALID_USAGE_LIMIT", "The usage limit per user is at least 1.", "usageLimitPerUser"));
        else if (UsageLimit is >= 1 && UsageLimitPerUser > UsageLimit)
            problems.Add(new("INVALID_USAGE_LIMIT", "The usage limit per user cannot exceed the total usage limit.", "usageLimitPerUser"));
        if (StartsAt >= EndsAt)
            problems.Add(new("INVALID_WINDOW", "The promotion must start before it ends.", "endsAt"));
        if (Scope == PromotionScope.Products && ProductIds.Count == 0)
            problems.Add(new("PRODUCTS_REQUIRED", "A promotion on chosen products needs at least one product.", "productIds"));
        if (Scope == PromotionScope.WholeShop && ProductIds.Count > 0)
            problems.Add(new("PRODUCTS_NOT_ALLOWED", "A whole-shop promotion applies to every product; leave productIds out.", "productIds"));
        if (ProductIds.Count > MaxProducts)
            problems.Add(new("TOO_MANY_PRODUCTS", $"A promotion covers at most {MaxProducts} products.", "productIds"));
        return problems;
    }
}
