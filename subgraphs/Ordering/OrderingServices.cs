using GoShop.BuildingBlocks.Internal;
using GoShop.BuildingBlocks.Media;
using GoShop.Contracts.Cart;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Identity;
using GoShop.Contracts.Media;
using GoShop.Contracts.Shipping;
using GoShop.Contracts.Shops;
using GoShop.Ordering.GraphQL.Loaders;
using GoShop.Ordering.GraphQL.Mutations;
using GoShop.Ordering.GraphQL.Subscriptions;
using GoShop.Ordering.Live;
using GoShop.Ordering.Placement;
using GoShop.Ordering.Pricing;
using GoShop.Ordering.Workflow;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GoShop.Ordering;

public static class OrderingServices
{
    /// <summary>The ordering domain's services, on top of what every subgraph has.</summary>
    public static WebApplicationBuilder AddOrderingServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<OrderingOptions>().Bind(configuration.GetSection(OrderingOptions.Section));
        services.AddInternalApiClient<ProductDirectory>(configuration);
        services.AddInternalApiClient<StockReservations>(configuration);
        services.AddInternalApiClient<CouponClient>(configuration);
        services.AddInternalApiClient<ShopDirectory>(configuration);
        services.AddInternalApiClient<AddressDirectory>(configuration);
        services.AddInternalApiClient<CartDirectory>(configuration);
        services.AddInternalApiClient<ShippingQuotes>(configuration);
        services.AddInternalApiClient<MediaDirectory>(configuration);

        services.AddMemoryCache();
        services.AddSingleton<LiveOrderReads>();

        services.AddScoped<IShippingFeeQuoter, ShippingSubgraphFeeQuoter>();
        services.AddScoped<CheckoutPricing>();
        services.AddScoped<OrderPlacement>();
        services.AddScoped<OrderWorkflow>();
        services.AddScoped<ReturnWorkflow>();
        services.AddSingleton<OrderSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<OrderSweeper>());

        services.AddScoped<OrderByIdLoader>();
        services.AddScoped<CheckoutByIdLoader>();
        services.AddScoped<OrdersByCheckoutLoader>();
        services.AddScoped<LinesByOrderLoader>();
        services.AddScoped<HistoryByOrderLoader>();
        services.AddScoped<TimelineByOrderLoader>();
        services.AddScoped<OrderLineByIdLoader>();
        services.AddScoped<ReturnsByOrderLoader>();

        services.AddScoped<PlacementMutations>();
        services.AddScoped<OrderMutations>();
        services.AddScoped<ReturnMutations>();
        services.AddScoped<UploadedMedia>();
        return builder;
    }
}
