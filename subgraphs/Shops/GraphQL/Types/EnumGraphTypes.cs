using GoShop.Shops.Domain;
using GraphQL.Types;

namespace GoShop.Shops.GraphQL.Types;

public sealed class ShopStatusGraphType : EnumerationGraphType<ShopStatus>
{
    public ShopStatusGraphType()
    {
        Name = "ShopStatus";
        Description = "ACTIVE shops are listed; SUSPENDED ones are hidden by an admin; CLOSED is final.";
    }
}

public sealed class PromotionTypeGraphType : EnumerationGraphType<PromotionType>
{
    public PromotionTypeGraphType() => Name = "PromotionType";
}

public sealed class PromotionScopeGraphType : EnumerationGraphType<PromotionScope>
{
    public PromotionScopeGraphType() => Name = "PromotionScope";
}

public sealed class PromotionStatusGraphType : EnumerationGraphType<PromotionStatus>
{
    public PromotionStatusGraphType()
    {
        Name = "PromotionStatus";
        Description = "DRAFT, ACTIVE and PAUSED are set by the seller; a promotion whose window has ended is EXPIRED.";
    }
}

public sealed class CampaignStatusGraphType : EnumerationGraphType<CampaignStatus>
{
    public CampaignStatusGraphType()
    {
        Name = "CampaignStatus";
        Description = "SCHEDULED until the start, RUNNING inside the window, ENDED after it; the seller may pause, resume or end early.";
    }
}

public sealed class PromotionLimitGraphType : EnumerationGraphType<PromotionLimit>
{
    public PromotionLimitGraphType() => Name = "PromotionLimit";
}
