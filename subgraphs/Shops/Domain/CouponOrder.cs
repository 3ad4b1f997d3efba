namespace GoShop.Shops.Domain;

/// <summary>The part of an order a coupon of one shop is priced against: its subtotal and its lines.</summary>
public sealed record CouponOrder(decimal Subtotal, string Currency, IReadOnlyList<CouponOrderLine> Lines);

/// <summary>One line of the order: the product and the line's amount (unit price times quantity).</summary>
public sealed record CouponOrderLine(Guid ProductId, decimal Amount);

/// <summary>Why a coupon does not apply to an order: stable codes that cart and ordering branch on.</summary>
public static class CouponRejections
{
    public const string NotFound = "COUPON_NOT_FOUND";
    public const string NotActive = "COUPON_NOT_ACTIVE";
    public const string Expired = "COUPON_EXPIRED";
    public const string MinOrderNotMet = "MIN_ORDER_NOT_MET";
    public const string UsageLimitReached = "USAGE_LIMIT_REACHED";
    public const string PerUserLimitReached = "PER_USER_LIMIT_REACHED";
    public const string NotApplicable = "NOT_APPLICABLE";
    public const string AlreadyReleased = "REDEMPTION_RELEASED";
}
