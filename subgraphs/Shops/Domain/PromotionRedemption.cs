namespace GoShop.Shops.Domain;

/// <summary>
/// One use of a promotion on one order. At most one per (promotion, order): a repeated redeem call finds it instead
/// of counting twice. Releasing it (the order was cancelled) gives the use back to the limits; the row stays.
/// </summary>
public sealed class PromotionRedemption
{
    private PromotionRedemption()
    {
    }

    internal PromotionRedemption(Guid promotionId, Guid userId, Guid orderId, decimal discount, string currency, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        PromotionId = promotionId;
        UserId = userId;
        OrderId = orderId;
        Discount = discount;
        Currency = currency;
        RedeemedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid PromotionId { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>The order (or checkout) the coupon was used on, as ordering names it.</summary>
    public Guid OrderId { get; private set; }

    public decimal Discount { get; private set; }

    public string Currency { get; private set; } = "";

    public DateTimeOffset RedeemedAt { get; private set; }

    public DateTimeOffset? ReleasedAt { get; private set; }

    public bool IsReleased => ReleasedAt is not null;

    internal void Release(DateTimeOffset now) => ReleasedAt = now;
}
