using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Shops.Domain;
using GraphQL.Types;

namespace GoShop.Shops.GraphQL.Types;

/// <summary>A payload that answers the changed shop.</summary>
public sealed record ShopPayload : Payload
{
    public Shop? Shop { get; init; }
}

public abstract class ShopPayloadType : PayloadType<ShopPayload>
{
    protected ShopPayloadType(string name)
    {
        Name = name;
        Field<ShopType, Shop>("shop").Description("The shop as it is now; null when userErrors is not empty.").Resolve(context => context.Source.Shop);
    }
}

public sealed class CreateShopPayloadType() : ShopPayloadType("CreateShopPayload");

public sealed class UpdateShopPayloadType() : ShopPayloadType("UpdateShopPayload");

public sealed class DeleteShopPayloadType() : ShopPayloadType("DeleteShopPayload");

public sealed class SetShopStatusPayloadType() : ShopPayloadType("SetShopStatusPayload");

/// <summary>A payload that answers the changed promotion.</summary>
public sealed record PromotionPayload : Payload
{
    public Promotion? Promotion { get; init; }
}

public abstract class PromotionPayloadType : PayloadType<PromotionPayload>
{
    protected PromotionPayloadType(string name)
    {
        Name = name;
        Field<PromotionType, Promotion>("promotion").Description("The promotion as it is now; null when userErrors is not empty.").Resolve(context => context.Source.Promotion);
    }
}

public sealed class CreatePromotionPayloadType() : PromotionPayloadType("CreatePromotionPayload");

public sealed class UpdatePromotionPayloadType() : PromotionPayloadType("UpdatePromotionPayload");

public sealed class DeletePromotionPayloadType() : PromotionPayloadType("DeletePromotionPayload");

/// <summary>A payload that answers the changed campaign.</summary>
public sealed record CampaignPayload : Payload
{
    public Campaign? Campaign { get; init; }
}

public abstract class CampaignPayloadType : PayloadType<CampaignPayload>
{
    protected CampaignPayloadType(string name)
    {
        Name = name;
        Field<CampaignType, Campaign>("campaign").Description("The campaign as it is now; null when userErrors is not empty.").Resolve(context => context.Source.Campaign);
    }
}

public sealed class CreateCampaignPayloadType() : CampaignPayloadType("CreateCampaignPayload");

public sealed class SetCampaignStatusPayloadType() : CampaignPayloadType("SetCampaignStatusPayload");
