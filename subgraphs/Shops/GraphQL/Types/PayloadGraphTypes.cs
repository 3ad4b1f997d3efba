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

public abstract class ShopPayloadGraphType : PayloadType<ShopPayload>
{
    protected ShopPayloadGraphType(string name)
    {
        Name = name;
        Field<ShopGraphType, Shop>("shop").Resolve(context => context.Source.Shop);
    }
}

public sealed class CreateShopPayloadGraphType() : ShopPayloadGraphType("CreateShopPayload");

public sealed class UpdateShopPayloadGraphType() : ShopPayloadGraphType("UpdateShopPayload");

public sealed class DeleteShopPayloadGraphType() : ShopPayloadGraphType("DeleteShopPayload");

public sealed class SetShopStatusPayloadGraphType() : ShopPayloadGraphType("SetShopStatusPayload");

/// <summary>A payload that answers the changed promotion.</summary>
public sealed record PromotionPayload : Payload
{
    public Promotion? Promotion { get; init; }
}

public abstract class PromotionPayloadGraphType : PayloadType<PromotionPayload>
{
    protected PromotionPayloadGraphType(string name)
    {
        Name = name;
        Field<PromotionGraphType, Promotion>("promotion").Resolve(context => context.Source.Promotion);
    }
}

public sealed class CreatePromotionPayloadGraphType() : PromotionPayloadGraphType("CreatePromotionPayload");

public sealed class UpdatePromotionPayloadGraphType() : PromotionPayloadGraphType("UpdatePromotionPayload");

public sealed class DeletePromotionPayloadGraphType() : PromotionPayloadGraphType("DeletePromotionPayload");

/// <summary>A payload that answers the changed campaign.</summary>
public sealed record CampaignPayload : Payload
{
    public Campaign? Campaign { get; init; }
}

public abstract class CampaignPayloadGraphType : PayloadType<CampaignPayload>
{
    protected CampaignPayloadGraphType(string name)
    {
        Name = name;
        Field<CampaignGraphType, Campaign>("campaign").Resolve(context => context.Source.Campaign);
    }
}

public sealed class CreateCampaignPayloadGraphType() : CampaignPayloadGraphType("CreateCampaignPayload");

public sealed class SetCampaignStatusPayloadGraphType() : CampaignPayloadGraphType("SetCampaignStatusPayload");
