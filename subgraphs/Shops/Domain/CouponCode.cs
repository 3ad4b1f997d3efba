using GoShop.BuildingBlocks.Domain;

namespace GoShop.Shops.Domain;

/// <summary>
/// A code buyers type at checkout: 3 to 32 letters, digits, dashes or underscores. Kept as the seller typed it;
/// compared without regard to letter case (the column is citext), so "goshop10" finds "GOSHOP10".
/// </summary>
public static class CouponCode
{
    public const int MinLength = 3;
    public const int MaxLength = 32;

    public static DomainError? Problem(string code, string field = "couponCode") =>
        code.Length is < MinLength or > MaxLength || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? new DomainError("INVALID_COUPON_CODE", $"A coupon code is {MinLength} to {MaxLength} letters, digits, dashes or underscores.", field)
            : null;
}
