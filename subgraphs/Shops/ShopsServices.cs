using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Internal;
using GoShop.BuildingBlocks.Media;
using GoShop.Contracts.Media;
using GoShop.Shops.Campaigns;
using GoShop.Shops.Coupons;
using GoShop.Shops.GraphQL.Loaders;
using GoShop.Shops.GraphQL.Mutations;
using GoShop.Shops.Promotions;
using GoShop.Shops.Registry;
using GoShop.Shops.Seed;

namespace GoShop.Shops;

public static class ShopsServices
{
    /// <summary>The shops domain's services, on top of what every subgraph has.</summary>
    public static WebApplicationBuilder AddShopsServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<ShopsOptions>().Bind(configuration.GetSection(ShopsOptions.Section));
        services.AddInternalApiClient<MediaDirectory>(configuration);

        services.AddScoped<ShopByIdLoader>();
        services.AddScoped<ShopsByOwnerLoader>();
        services.AddScoped<PromotionByIdLoader>();
        services.AddScoped<PromotionsByCampaignLoader>();
        services.AddScoped<CampaignByIdLoader>();
        services.AddScoped<ShopRegistry>();
        services.AddScoped<OwnerSuspension>();
        services.AddScoped<PromotionDesk>();
        services.AddScoped<CampaignPlanner>();
        services.AddScoped<UploadedMedia>();
        services.AddScoped<ShopMutations>();
        services.AddScoped<PromotionMutations>();
        services.AddScoped<CampaignMutations>();
        services.AddScoped<CouponDesk>();
        services.AddScoped<IDemoDataSeeder, ShopsDemoData>();
        return builder;
    }
}
