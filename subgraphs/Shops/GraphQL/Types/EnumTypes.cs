using GoShop.Shops.Domain;
using GraphQL.Types;

namespace GoShop.Shops.GraphQL.Types;

public sealed class ShopStatusType : EnumerationGraphType<ShopStatus>
{
    public ShopStatusType()
    {
        Name = "ShopStatus";
        Description = "ACTIVE shops are listed; SUSPENDED ones are hidden, by an admin or while their owner's account is suspended; CLOSED is final.";
    }
}

public sealed class PromotionTypeType : EnumerationGraphType<Domain.PromotionType>
{
    public PromotionTypeType()
    {
        Name = "PromotionType";
        Description = "How a promotion's value discounts an order: a percentage or a fixed amount.";
    }
}

public sealed class PromotionScopeType : EnumerationGraphType<PromotionScope>
{
    public PromotionScopeType()
    {
        Name = "PromotionScope";
        Description = "What a promotion discounts: the buyer's whole order from the shop, or chosen products only.";
    }
}

public sealed class PromotionStatusType : EnumerationGraphType<PromotionStatus>
{
    public PromotionStatusType()
    {
        Name = "PromotionStatus";
        Description = "Where a promotion stands: DRAFT, ACTIVE and PAUSED are set by the seller; a promotion whose window has ended is EXPIRED.";
    }
}

public sealed class CampaignStatusType : EnumerationGraphType<CampaignStatus>
{
    public CampaignStatusType()
    {
        Name = "CampaignStatus";
        Description = "SCHEDULED until the start, RUNNING inside the window, ENDED after it; the seller may pause, resume or end early.";
    }
}

public sealed class PromotionLimitType : EnumerationGraphType<PromotionLimit>
{
    public PromotionLimitType()
    {
        Name = "PromotionLimit";
        Description = "An optional limit of a promotion, to name in updatePromotion's removeLimits.";
    }
}
