using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Shops.Data;
using GoShop.Shops.Domain;
using GoShop.Shops.GraphQL.Loaders;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Federation;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shops.GraphQL.Types;

public sealed class ShopType : ObjectGraphType<Shop>
{
    public ShopType()
    {
        Name = "Shop";
        Description = "A seller's shop on the marketplace. Anyone may read any shop by its id or slug, whatever its status; lists and searches show buyers ACTIVE shops only.";
        this.Key("id");
        this.ResolveReference<EntityKey, Shop>((context, reference) => context.Loader<ShopByIdLoader>().Load(reference.Id));

        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(EntityKey.IdDescription("Shop"));
        Field(s => s.Name).Description("The shop's name, 2 to 100 characters, as its owner wrote it.");
        Field(s => s.Slug).Description("The shop's URL name, e.g. dien-may-xanh. Chosen when the shop opens; it stays after a rename.");
        Field(s => s.Description, nullable: true).Description("What the shop says about itself, at most 2,000 characters; null when it says nothing.");
        Field<UserType, EntityReference<UserType>>("owner")
            .Description("Who runs the shop. Null when identity cannot be reached.")
            .Resolve(context => EntityReference.To<UserType>(context.Source.OwnerId));
        Field<MediaType, EntityReference<MediaType>>("logo")
            .Description("The shop's logo, an uploaded image; null when it has none.")
            .Resolve(context => EntityReference.To<MediaType>(context.Source.LogoMediaId));
        Field<MediaType, EntityReference<MediaType>>("banner")
            .Description("The shop's banner, an uploaded image; null when it has none.")
            .Resolve(context => EntityReference.To<MediaType>(context.Source.BannerMediaId));
        Field<NonNullGraphType<ShopContactType>, Shop>("contact").Description("The shop's phone and email, public to buyers.").Resolve(context => context.Source);
        Field(s => s.Address).Description("The street address buyers and shippers come to.");
        Field(s => s.City, nullable: true).Description("The shop's city as its owner wrote it, e.g. Hà Nội; null when not given.");
        Field<NonNullGraphType<GeoPointType>, GeoPoint>("location")
            .Description("Where the shop is on the map: where shippers pick its parcels up, and what shopsNear measures from.")
            .Resolve(context => context.Source.Position);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>, IEnumerable<string>>("categories")
            .Description("Slugs of the categories the shop sells in, e.g. electronics.")
            .Resolve(context => context.Source.Categories);
        Field<NonNullGraphType<ShopStatusType>, ShopStatus>("status").Description("ACTIVE, SUSPENDED or CLOSED.").Resolve(context => context.Source.Status);
        Field(s => s.CreatedAt).Description("When the shop opened.");
        Field<NonNullGraphType<FloatGraphType>, decimal>("ratingAverage")
            .Description("Average stars, 0 to 5 (two decimals), of the shop's published shop reviews; 0 while there are none. Follows the " +
                "reviews subgraph within moments of each review change; Shop.ratingSummary has the full breakdown.")
            .Resolve(context => context.Source.RatingAverage);
        Field(s => s.RatingCount).Description("How many published shop reviews ratingAverage averages; 0 while there are none.");
        Field(s => s.UpdatedAt).Description("When the shop's profile or status last changed.");
        Field(s => s.ClosedAt, nullable: true).Description("When the shop was closed; null unless it is CLOSED.");

        Field<NonNullGraphType<ConnectionType<PromotionType, Promotion>>, Connection<Promotion>>("promotions")
            .Description("The shop's promotions, newest first. Buyers see ACTIVE ones only; the owner and admins see all but deleted ones.")
            .Argument<PromotionStatusType>("status", "Only promotions with this status.")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                var page = context.Page();
                var now = context.Service<TimeProvider>().GetUtcNow();
                var shop = context.Source;
                var promotions = context.Service<ShopsDbContext>().Promotions.AsNoTracking()
                    .Where(p => p.ShopId == shop.Id && p.DeletedAt == null);
                if (!context.Service<ICurrentUser>().Manages(shop.OwnerId))
                    promotions = promotions.WithStatus(PromotionStatus.Active, now);
                if (context.GetArgument<PromotionStatus?>("status") is { } status)
                    promotions = promotions.WithStatus(status, now);
                return await promotions.ToConnectionByIdAsync(p => p.Id, page, newestFirst: true, context.CancellationToken);
            });

        Field<NonNullGraphType<ConnectionType<CampaignType, Campaign>>, Connection<Campaign>>("campaigns")
            .Description("The shop's campaigns, newest first. Buyers see RUNNING ones only; the owner and admins see all.")
            .Argument<CampaignStatusType>("status", "Only campaigns with this status.")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                var page = context.Page();
                var now = context.Service<TimeProvider>().GetUtcNow();
                var shop = context.Source;
                var campaigns = context.Service<ShopsDbContext>().Campaigns.AsNoTracking().Where(c => c.ShopId == shop.Id);
                if (!context.Service<ICurrentUser>().Manages(shop.OwnerId))
                    campaigns = campaigns.WithStatus(CampaignStatus.Running, now);
                if (context.GetArgument<CampaignStatus?>("status") is { } status)
                    campaigns = campaigns.WithStatus(status, now);
                return await campaigns.ToConnectionByIdAsync(c => c.Id, page, newestFirst: true, context.CancellationToken);
            });
    }
}

public sealed class ShopContactType : ObjectGraphType<Shop>
{
    public ShopContactType()
    {
        Name = "ShopContact";
        Description = "How buyers reach the shop.";
        Field(s => s.Phone, nullable: true).Description("The shop's phone number as its owner wrote it (8 to 15 digits); null when not given.");
        Field(s => s.Email, nullable: true).Description("The shop's email address; null when not given.");
    }
}

/// <summary>A shop found near a point, with how far it is.</summary>
public sealed record NearbyShop(Shop Shop, double DistanceKm);

public sealed class NearbyShopType : ObjectGraphType<NearbyShop>
{
    public NearbyShopType()
    {
        Name = "NearbyShop";
        Description = "A shop shopsNear found, with how far it is from the searched point.";
        Field<NonNullGraphType<ShopType>, Shop>("shop").Description("The shop, ACTIVE.").Resolve(context => context.Source.Shop);
        Field(n => n.DistanceKm).Description("Distance from the searched point over the globe, in kilometres.");
    }
}
