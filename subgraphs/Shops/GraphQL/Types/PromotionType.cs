using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Shops.Domain;
using GoShop.Shops.GraphQL.Loaders;
using GraphQL.DataLoader;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Shops.GraphQL.Types;

public sealed class PromotionReference
{
    public Guid Id { get; set; }
}

public sealed class PromotionType : ObjectGraphType<Promotion>
{
    public PromotionType()
    {
        Name = "Promotion";
        Description = "A discount a shop offers, automatically or behind a coupon code.";
        this.Key("id");
        this.ResolveReference<PromotionReference, Promotion>((context, reference) => context.Loader<PromotionByIdLoader>().Load(reference.Id));

        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<ShopType>, IDataLoaderResult<Shop?>>("shop")
            .Resolve(context => context.Loader<ShopByIdLoader>().Load(context.Source.ShopId));
        Field(p => p.Name);
        Field(p => p.Description, nullable: true);
        Field(p => p.CouponCode, nullable: true).Description("The code buyers enter, as the seller wrote it; matched without regard to case. Null for an automatic promotion.");
        Field<NonNullGraphType<PromotionTypeType>, Domain.PromotionType>("type").Resolve(context => context.Source.Type);
        Field(p => p.Value, type: typeof(NonNullGraphType<DecimalGraphType>))
            .Description("The percentage (1 to 100) for PERCENTAGE, the amount in the promotion's currency for FIXED_AMOUNT.");
        Field<MoneyType, Money>("minOrderValue")
            .Description("The order subtotal needed to use the promotion.")
            .Resolve(context => Amount(context.Source, context.Source.MinOrderValue));
        Field<MoneyType, Money>("maxDiscount")
            .Description("The most the promotion takes off one order.")
            .Resolve(context => Amount(context.Source, context.Source.MaxDiscount));
        Field(p => p.UsageLimit, nullable: true).Description("How many orders may use it in total; null for no limit.");
        Field(p => p.UsageLimitPerUser, nullable: true).Description("How many orders of one buyer may use it; null for no limit.");
        Field<NonNullGraphType<IntGraphType>, int>("usageCount")
            .Description("How many orders use it now (uses of cancelled orders are given back).")
            .Resolve(context => context.Source.RedemptionCount);
        Field(p => p.StartsAt);
        Field(p => p.EndsAt);
        Field<NonNullGraphType<PromotionScopeType>, PromotionScope>("scope").Resolve(context => context.Source.Scope);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>, IEnumerable<Guid>>("productIds")
            .Description("The products a PRODUCTS promotion covers; empty for WHOLE_SHOP.")
            .Resolve(context => context.Source.ProductIds);
        Field<NonNullGraphType<PromotionStatusType>, PromotionStatus>("status")
            .Resolve(context => context.Source.StatusAt(context.Service<TimeProvider>().GetUtcNow()));
        Field<CampaignType, IDataLoaderResult<Campaign?>?>("campaign")
            .Description("The campaign the promotion belongs to; it applies only while that campaign runs.")
            .Resolve(context => context.Source.CampaignId is { } id ? context.Loader<CampaignByIdLoader>().Load(id) : null);
        Field(p => p.CreatedAt);
        Field(p => p.UpdatedAt);
    }

    private static Money? Amount(Promotion promotion, decimal? amount) => amount is { } value ? new Money(value, promotion.Currency) : null;
}

public sealed class CampaignReference
{
    public Guid Id { get; set; }
}

public sealed class CampaignType : ObjectGraphType<Campaign>
{
    public CampaignType()
    {
        Name = "Campaign";
        Description = "A named schedule grouping a shop's promotions (a \"9.9 sale\").";
        this.Key("id");
        this.ResolveReference<CampaignReference, Campaign>((context, reference) => context.Loader<CampaignByIdLoader>().Load(reference.Id));

        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<ShopType>, IDataLoaderResult<Shop?>>("shop")
            .Resolve(context => context.Loader<ShopByIdLoader>().Load(context.Source.ShopId));
        Field(c => c.Name);
        Field(c => c.Description, nullable: true);
        Field(c => c.StartsAt);
        Field(c => c.EndsAt);
        Field<NonNullGraphType<CampaignStatusType>, CampaignStatus>("status")
            .Resolve(context => context.Source.StatusAt(context.Service<TimeProvider>().GetUtcNow()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PromotionType>>>, IDataLoaderResult<IEnumerable<Promotion>>>("promotions")
            .Description("The promotions the campaign groups. Buyers see ACTIVE ones only.")
            .Resolve(context =>
            {
                var now = context.Service<TimeProvider>().GetUtcNow();
                var viewer = context.Service<ICurrentUser>();
                var campaign = context.Source;
                return context.Loader<PromotionsByCampaignLoader>().Load(campaign.Id)
                    .Zip(context.Loader<ShopByIdLoader>().Load(campaign.ShopId), (promotions, shop) =>
                    {
                        var everything = shop is not null && viewer.Manages(shop.OwnerId);
                        return (promotions ?? []).Where(p => everything || p.StatusAt(now) == PromotionStatus.Active);
                    });
            });
        Field(c => c.CreatedAt);
        Field(c => c.UpdatedAt);
    }
}
