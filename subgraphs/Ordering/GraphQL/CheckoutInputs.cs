using GoShop.BuildingBlocks.GraphQL.Errors;

namespace GoShop.Ordering.GraphQL;

/// <summary>The parts orderPreview and placeOrder share: which cart items, which coupon codes.</summary>
internal static class CheckoutInputs
{
    public const int MaxCouponCodes = 10;
    public const int MaxCouponCodeLength = 50;
    public const int MaxCartItems = 200;

    /// <summary>The coupon codes trimmed and without repeats (codes ignore case), or null to use the cart's coupons.</summary>
    public static IReadOnlyList<string>? CouponCodes(InputCheck check, IReadOnlyList<string>? codes)
    {
        if (codes is null)
            return null;
        if (codes.Count > MaxCouponCodes)
            check.Add("TOO_MANY", $"At most {MaxCouponCodes} coupon codes.", "couponCodes");
        if (codes.Any(c => string.IsNullOrWhiteSpace(c) || c.Trim().Length > MaxCouponCodeLength))
            check.Add("INVALID_COUPON_CODE", $"A coupon code has 1 to {MaxCouponCodeLength} characters.", "couponCodes");
        return codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The chosen cart items without repeats, or null for the whole cart.</summary>
    public static IReadOnlyList<Guid>? CartItems(InputCheck check, IReadOnlyList<Guid>? itemIds)
    {
        if (itemIds is null)
            return null;
        if (itemIds.Count == 0)
            check.Add("REQUIRED", "Name at least one cart item, or leave cartItemIds out to take the whole cart.", "cartItemIds");
        if (itemIds.Count > MaxCartItems)
            check.Add("TOO_MANY", $"At most {MaxCartItems} cart items.", "cartItemIds");
        return itemIds.Distinct().ToList();
    }
}
