namespace GoShop.Shops.Domain;

public enum PromotionType
{
    /// <summary>A share of the eligible amount, 1 to 100 percent, optionally capped by a maximum discount.</summary>
    Percentage,

    /// <summary>A fixed amount off, never more than the eligible amount.</summary>
    FixedAmount,
}

public enum PromotionScope
{
    /// <summary>Everything the buyer orders from the shop.</summary>
    WholeShop,

    /// <summary>Only the listed products of the shop.</summary>
    Products,
}

/// <summary>
/// DRAFT, ACTIVE and PAUSED are what the seller sets; EXPIRED is never stored: any promotion whose window has
/// ended reads as EXPIRED (see <see cref="Promotion.StatusAt"/>).
/// </summary>
public enum PromotionStatus
{
    Draft,
    Active,
    Paused,
    Expired,
}

/// <summary>The optional limits of a promotion, to name the ones updatePromotion removes.</summary>
public enum PromotionLimit
{
    MinOrderValue,
    MaxDiscount,
    UsageLimit,
    UsageLimitPerUser,
}
