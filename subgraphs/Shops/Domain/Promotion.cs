using GoShop.BuildingBlocks.Domain;

namespace GoShop.Shops.Domain;

/// <summary>
/// A discount a shop offers, automatically or behind a coupon code. The seller moves it between DRAFT, ACTIVE and
/// PAUSED; once its window has ended it reads as EXPIRED and refuses changes. <see cref="RedemptionCount"/> is the
/// number of unreleased uses; it changes only under the promotion's row lock (see the coupon desk), which is what
/// keeps the usage limits exact when many checkouts redeem at once.
/// </summary>
public sealed class Promotion
{
    private Promotion()
    {
    }

    public Guid Id { get; private set; }

    public Guid ShopId { get; private set; }

    public Guid? CampaignId { get; private set; }

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    public string? CouponCode { get; private set; }

    public string Currency { get; private set; } = Money.DefaultCurrency;

    public PromotionType Type { get; private set; }

    public decimal Value { get; private set; }

    public decimal? MinOrderValue { get; private set; }

    public decimal? MaxDiscount { get; private set; }

    public int? UsageLimit { get; private set; }

    public int? UsageLimitPerUser { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public PromotionScope Scope { get; private set; }

    public List<Guid> ProductIds { get; private set; } = [];

    /// <summary>DRAFT, ACTIVE or PAUSED as the seller set it; see <see cref="StatusAt"/> for what it reads as.</summary>
    public PromotionStatus Status { get; private set; }

    public int RedemptionCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public PromotionTerms Terms => new(Type, Value, MinOrderValue, MaxDiscount, UsageLimit, UsageLimitPerUser, StartsAt, EndsAt, Scope, ProductIds);

    public static Result<Promotion> Create(
        Guid shopId, string name, string? description, string? couponCode, PromotionTerms terms, PromotionStatus status,
        Guid? campaignId, DateTimeOffset now, Guid? id = null)
    {
        if (status == PromotionStatus.Expired)
            return InvalidStatusTarget;
        var promotion = new Promotion
        {
            Id = id ?? Guid.CreateVersion7(),
            ShopId = shopId,
            CampaignId = campaignId,
            Status = status,
            CreatedAt = now,
        };
        promotion.Apply(name, description, couponCode, terms, now);
        return promotion;
    }

    public PromotionStatus StatusAt(DateTimeOffset now) => now >= EndsAt ? PromotionStatus.Expired : Status;

    /// <summary>Replaces the description and terms. An expired promotion is history and stays as it was.</summary>
    public Result Revise(string name, string? description, string? couponCode, PromotionTerms terms, DateTimeOffset now)
    {
        if (StatusAt(now) == PromotionStatus.Expired)
            return ShopErrors.PromotionExpired;
        if (terms.UsageLimit is { } limit && limit < RedemptionCount)
            return ShopErrors.UsageLimitBelowUsage;
        Apply(name, description, couponCode, terms, now);
        return Result.Success;
    }

    /// <summary>Publishes, pauses or resumes. A published promotion never returns to DRAFT; EXPIRED follows from the window.</summary>
    public Result SetStatus(PromotionStatus target, DateTimeOffset now)
    {
        if (StatusAt(now) == PromotionStatus.Expired)
            return ShopErrors.PromotionExpired;
        if (target == PromotionStatus.Expired)
            return InvalidStatusTarget;
        if (target == PromotionStatus.Draft && Status != PromotionStatus.Draft)
            return new DomainError("INVALID_TRANSITION", "A published promotion cannot return to DRAFT; pause it instead.", "status");
        Status = target;
        UpdatedAt = now;
        return Result.Success;
    }

    public void JoinCampaign(Guid campaignId, DateTimeOffset now)
    {
        CampaignId = campaignId;
        UpdatedAt = now;
    }

    public void Delete(DateTimeOffset now)
    {
        DeletedAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// The discount this promotion gives an order now, or why it gives none. <paramref name="usedByBuyer"/> is how
    /// many unreleased uses the buyer already has; <paramref name="campaignRunning"/> is false when the promotion
    /// belongs to a campaign that is not running.
    /// </summary>
    public Result<decimal> Price(CouponOrder order, DateTimeOffset now, int usedByBuyer, bool campaignRunning)
    {
        var status = StatusAt(now);
        if (status == PromotionStatus.Expired)
            return Rejection(CouponRejections.Expired, "This coupon has expired.");
        if (status != PromotionStatus.Active || now < StartsAt || !campaignRunning)
            return Rejection(CouponRejections.NotActive, "This coupon cannot be used right now.");
        if (UsageLimit is { } limit && RedemptionCount >= limit)
            return Rejection(CouponRejections.UsageLimitReached, "This coupon has been used up.");
        if (UsageLimitPerUser is { } perBuyer && usedByBuyer >= perBuyer)
            return Rejection(CouponRejections.PerUserLimitReached, "You have already used this coupon as often as allowed.");
        if (!string.Equals(order.Currency, Currency, StringComparison.OrdinalIgnoreCase))
            return Rejection(CouponRejections.NotApplicable, $"This coupon applies to orders in {Currency}.");
        if (MinOrderValue is { } minimum && order.Subtotal < minimum)
            return Rejection(CouponRejections.MinOrderNotMet, $"This coupon needs an order of at least {minimum:0.##} {Currency}.");

        var eligible = Scope == PromotionScope.WholeShop
            ? order.Subtotal
            : order.Lines.Where(line => ProductIds.Contains(line.ProductId)).Sum(line => line.Amount);
        var discount = Type == PromotionType.Percentage ? eligible * Value / 100m : Value;
        if (MaxDiscount is { } cap)
            discount = Math.Min(discount, cap);
        discount = RoundDown(Math.Min(discount, eligible), Currency);
        if (discount <= 0)
            return Rejection(CouponRejections.NotApplicable, "This coupon does not apply to anything in this order.");
        return discount;
    }

    /// <summary>Counts one use for an order, when the order qualifies. The caller holds the promotion's row lock.</summary>
    public Result<PromotionRedemption> Redeem(Guid buyerId, Guid orderId, CouponOrder order, DateTimeOffset now, int usedByBuyer, bool campaignRunning)
    {
        var priced = Price(order, now, usedByBuyer, campaignRunning);
        if (!priced.Succeeded)
            return priced.Error;
        RedemptionCount++;
        return new PromotionRedemption(Id, buyerId, orderId, priced.Value, Currency, now);
    }

    /// <summary>Gives a use back (its order was cancelled). Releasing twice changes nothing.</summary>
    public bool Release(PromotionRedemption redemption, DateTimeOffset now)
    {
        if (redemption.PromotionId != Id || redemption.IsReleased)
            return false;
        redemption.Release(now);
        RedemptionCount--;
        return true;
    }

    private static DomainError InvalidStatusTarget { get; } =
        new("INVALID_STATUS", "EXPIRED is not set: a promotion expires when its window ends.", "status");

    private static DomainError Rejection(string code, string message) => new(code, message);

    /// <summary>Discounts never round up: VND has no minor unit, other currencies two decimals.</summary>
    private static decimal RoundDown(decimal amount, string currency) =>
        Math.Round(amount, Money.MinorDigits(currency), MidpointRounding.ToZero);

    private void Apply(string name, string? description, string? couponCode, PromotionTerms terms, DateTimeOffset now)
    {
        Name = name.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        CouponCode = string.IsNullOrWhiteSpace(couponCode) ? null : couponCode.Trim();
        Type = terms.Type;
        Value = terms.Value;
        MinOrderValue = terms.MinOrderValue;
        MaxDiscount = terms.MaxDiscount;
        UsageLimit = terms.UsageLimit;
        UsageLimitPerUser = terms.UsageLimitPerUser;
        StartsAt = terms.StartsAt;
        EndsAt = terms.EndsAt;
        Scope = terms.Scope;
        ProductIds = [.. terms.ProductIds.Distinct()];
        UpdatedAt = now;
    }
}
