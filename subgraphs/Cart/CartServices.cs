using GoShop.BuildingBlocks.Internal;
using GoShop.Cart.Caching;
using GoShop.Cart.Carts;
using GoShop.Cart.Catalog;
using GoShop.Cart.GraphQL.Loaders;
using GoShop.Cart.GraphQL.Mutations;
using GoShop.Cart.Pricing;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Shops;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GoShop.Cart;

public static class CartServices
{
    /// <summary>The cart domain's services, on top of what every subgraph has.</summary>
    public static WebApplicationBuilder AddCartServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<CartOptions>().Bind(configuration.GetSection(CartOptions.Section));
        services.AddInternalApiClient<ProductDirectory>(configuration);
        services.AddInternalApiClient<CouponClient>(configuration);

        services.AddSingleton<CartCache>();
        services.AddSingleton<IInterceptor, CartCacheRefresher>();
        services.AddScoped<CartReader>();
        services.AddScoped<ProductCopies>();
        services.AddScoped<ProductOffers>();
        services.AddScoped<CartLines>();
        services.AddScoped<CartChanges>();
        services.AddScoped<SavedCartDesk>();
        services.AddScoped<CouponQuotes>();
        services.AddScoped<CartViews>();

        services.AddScoped<CartByIdLoader>();
        services.AddScoped<SavedCartByIdLoader>();

        services.AddScoped<CartPayloads>();
        services.AddScoped<CartMutations>();
        services.AddScoped<CouponMutations>();
        services.AddScoped<SavedCartMutations>();
        return builder;
    }
}
