using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Federation;
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
        Description = "A discount a shop offers behind a coupon code that buyers enter at checkout. Shop.promotions and Campaign.promotions list only ACTIVE ones, except to the shop's owner and admins.";
        this.Key("id");
        this.ResolveReference<PromotionReference, Promotion>((context, reference) => context.Loader<PromotionByIdLoader>().Load(reference.Id));

        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(EntityKey.IdDescription("Promotion"));
        Field<NonNullGraphType<ShopType>, IDataLoaderResult<Shop?>>("shop")
            .Description("The shop that offers the promotion.")
            .Resolve(context => context.Loader<ShopByIdLoader>().Load(context.Source.ShopId));
        Field(p => p.Name).Description("The promotion's name, at most 100 characters, as buyers see it.");
        Field(p => p.Description, nullable: true).Description("What the seller says about it, at most 1,000 characters; null when nothing.");
        Field(p => p.CouponCode, nullable: true).Description("The code buyers enter, as the seller wrote it; matched without regard to case. " +
            "Null when the promotion has none: checkout applies promotions only through their code, so such a promotion applies to no order.");
        Field<NonNullGraphType<PromotionTypeType>, Domain.PromotionType>("type")
            .Description("PERCENTAGE or FIXED_AMOUNT: how value discounts.")
            .Resolve(context => context.Source.Type);
        Field(p => p.Value, type: typeof(NonNullGraphType<DecimalGraphType>))
            .Description("The percentage (1 to 100) for PERCENTAGE, the amount in the promotion's currency (VND) for FIXED_AMOUNT.");
        Field<MoneyType, Money>("minOrderValue")
            .Description("The order subtotal at the shop needed to use the promotion; null when there is no minimum.")
            .Resolve(context => Amount(context.Source, context.Source.MinOrderValue));
        Field<MoneyType, Money>("maxDiscount")
            .Description("The most the promotion takes off one order; null when uncapped.")
            .Resolve(context => Amount(context.Source, context.Source.MaxDiscount));
        Field(p => p.UsageLimit, nullable: true).Description("How many orders may use it in total; null for no limit.");
        Field(p => p.UsageLimitPerUser, nullable: true).Description("How many orders of one buyer may use it; null for no limit.");
        Field<NonNullGraphType<IntGraphType>, int>("usageCount")
            .Description("How many orders use it now (uses of cancelled orders are given back).")
            .Resolve(context => context.Source.RedemptionCount);
        Field(p => p.StartsAt).Description("When buyers may start using it.");
        Field(p => p.EndsAt).Description("When it stops applying; from then on it is EXPIRED.");
        Field<NonNullGraphType<PromotionScopeType>, PromotionScope>("scope")
            .Description("WHOLE_SHOP or PRODUCTS: what it discounts.")
            .Resolve(context => context.Source.Scope);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>, IEnumerable<Guid>>("productIds")
            .Description("The products a PRODUCTS promotion covers; empty for WHOLE_SHOP.")
            .Resolve(context => context.Source.ProductIds);
        Field<NonNullGraphType<PromotionStatusType>, PromotionStatus>("status")
            .Description("Its status now: as the seller set it, or EXPIRED once endsAt has passed.")
            .Resolve(context => context.Source.StatusAt(context.Service<TimeProvider>().GetUtcNow()));
        Field<CampaignType, IDataLoaderResult<Campaign?>?>("campaign")
            .Description("The campaign the promotion belongs to; it applies only while that campaign runs.")
            .Resolve(context => context.Source.CampaignId is { } id ? context.Loader<CampaignByIdLoader>().Load(id) : null);
        Field(p => p.CreatedAt).Description("When the promotion was created.");
        Field(p => p.UpdatedAt).Description("When the promotion last changed.");
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
        Description = "A named schedule grouping a shop's promotions (a \"9.9 sale\"): they apply only while it is RUNNING. Shop.campaigns lists only RUNNING ones, except to the shop's owner and admins.";
        this.Key("id");
        this.ResolveReference<CampaignReference, Campaign>((context, reference) => context.Loader<CampaignByIdLoader>().Load(reference.Id));

        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(EntityKey.IdDescription("Campaign"));
        Field<NonNullGraphType<ShopType>, IDataLoaderResult<Shop?>>("shop")
            .Description("The shop that runs the campaign.")
            .Resolve(context => context.Loader<ShopByIdLoader>().Load(context.Source.ShopId));
        Field(c => c.Name).Description("The campaign's name, at most 100 characters.");
        Field(c => c.Description, nullable: true).Description("What the seller says about it, at most 1,000 characters; null when nothing.");
        Field(c => c.StartsAt).Description("When it starts running; moved to the moment the seller started it, when started early.");
        Field(c => c.EndsAt).Description("When it ends; from then on it is ENDED.");
        Field<NonNullGraphType<CampaignStatusType>, CampaignStatus>("status")
            .Description("Its status now, from the clock and the seller's pauses and early end.")
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
        Field(c => c.CreatedAt).Description("When the campaign was created.");
        Field(c => c.UpdatedAt).Description("When the campaign last changed.");
    }
}
