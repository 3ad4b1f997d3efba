using System.ComponentModel;

namespace GoShop.Shops.Domain;

public enum PromotionType
{
    /// <summary>A share of the eligible amount, 1 to 100 percent, optionally capped by a maximum discount.</summary>
    [Description("A share of the eligible amount: value is the percentage, 1 to 100; maxDiscount caps it when set.")]
    Percentage,

    /// <summary>A fixed amount off, never more than the eligible amount.</summary>
    [Description("A fixed amount off: value, in the promotion's currency (VND); never more than the eligible amount, nor than maxDiscount when set.")]
    FixedAmount,
}

public enum PromotionScope
{
    /// <summary>Everything the buyer orders from the shop.</summary>
    [Description("Everything the buyer orders from the shop: the eligible amount is the order's subtotal at the shop.")]
    WholeShop,

    /// <summary>Only the listed products of the shop.</summary>
    [Description("Only the products in productIds: the eligible amount is what the order's lines of those products cost.")]
    Products,
}

/// <summary>
/// DRAFT, ACTIVE and PAUSED are what the seller sets; EXPIRED is never stored: any promotion whose window has
/// ended reads as EXPIRED (see <see cref="Promotion.StatusAt"/>).
/// </summary>
public enum PromotionStatus
{
    [Description("Being prepared, not published: it does not apply. A promotion that was ever published cannot return to DRAFT.")]
    Draft,
    [Description("Published: its coupon code can be used from startsAt until endsAt (and, in a campaign, only while the campaign is RUNNING).")]
    Active,
    [Description("Stopped by the seller for now: it does not apply until set ACTIVE again.")]
    Paused,
    [Description("Its window has ended (endsAt has passed): it no longer applies and cannot change. Never set: it follows from endsAt.")]
    Expired,
}

/// <summary>The optional limits of a promotion, to name the ones updatePromotion removes.</summary>
// Described here too: the input field maps the enum to a graph type of its own, not PromotionLimitType.
[Description("An optional limit of a promotion, to name in updatePromotion's removeLimits.")]
public enum PromotionLimit
{
    [Description("The minimum order value (minOrderValue).")]
    MinOrderValue,
    [Description("The cap on the discount (maxDiscount).")]
    MaxDiscount,
    [Description("The limit on uses in total (usageLimit).")]
    UsageLimit,
    [Description("The limit on uses per buyer (usageLimitPerUser).")]
    UsageLimitPerUser,
}
