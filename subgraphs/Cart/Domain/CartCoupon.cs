namespace GoShop.Cart.Domain;

/// <summary>
/// A coupon code the buyer applied to the part of the cart from one shop (one per shop). Whether it still applies, and
/// how much it takes off, is asked of the shops subgraph each time the cart is read.
/// </summary>
public sealed class CartCoupon
{
    public const int MaxCode = 50;

    private CartCoupon()
    {
    }

    public Guid CartId { get; private set; }

    public Guid ShopId { get; private set; }

    public string Code { get; private set; } = "";

    public DateTimeOffset AppliedAt { get; private set; }

    internal static CartCoupon Create(Guid cartId, Guid shopId, string code, DateTimeOffset now) =>
        new() { CartId = cartId, ShopId = shopId, Code = code, AppliedAt = now };

    internal void Replace(string code, DateTimeOffset now)
    {
        Code = code;
        AppliedAt = now;
    }
}
