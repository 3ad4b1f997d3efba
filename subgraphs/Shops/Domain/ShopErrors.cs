using GoShop.BuildingBlocks.Domain;

namespace GoShop.Shops.Domain;

/// <summary>The expected failures of the shops domain, with their stable codes.</summary>
public static class ShopErrors
{
    public static DomainError ShopNotFound { get; } = new("SHOP_NOT_FOUND", "No shop with this id exists.", "shopId");
    public static DomainError NotShopOwner { get; } = new("FORBIDDEN", "Only the shop's owner or an admin can do this.", "shopId");
    public static DomainError ShopClosed { get; } = new("SHOP_CLOSED", "The shop is closed; it cannot be changed any more.", "shopId");
    public static DomainError ShopAlreadyActive { get; } = new("SHOP_ALREADY_ACTIVE", "The shop is already active.", "status");
    public static DomainError ShopAlreadySuspended { get; } = new("SHOP_ALREADY_SUSPENDED", "The shop is already suspended.", "status");

    public static DomainError ShopLimitReached(int limit) =>
        new("SHOP_LIMIT_REACHED", $"You can run at most {limit} shops at a time; close one first.");

    public static DomainError PromotionNotFound { get; } = new("PROMOTION_NOT_FOUND", "No promotion with this id exists.", "promotionId");
    public static DomainError PromotionExpired { get; } = new("PROMOTION_EXPIRED", "The promotion has expired; it cannot be changed any more.", "promotionId");
    public static DomainError CouponCodeTaken { get; } = new("COUPON_CODE_TAKEN", "Another promotion of this shop already uses this coupon code.", "couponCode");
    public static DomainError UsageLimitBelowUsage { get; } = new("USAGE_LIMIT_BELOW_USAGE", "The usage limit cannot be lower than the number of times the promotion was already used.", "usageLimit");

    public static DomainError CampaignNotFound { get; } = new("CAMPAIGN_NOT_FOUND", "No campaign with this id exists.", "campaignId");
    public static DomainError CampaignEnded { get; } = new("CAMPAIGN_ENDED", "The campaign has ended; its status cannot change any more.", "status");

    public static DomainError InvalidTransition(string from, string to, string field = "status") =>
        new("INVALID_TRANSITION", $"A {from} campaign cannot become {to}.", field);
}
