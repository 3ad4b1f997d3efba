using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Internal;
using GoShop.Catalog.Categories;
using GoShop.Catalog.GraphQL.Loaders;
using GoShop.Catalog.GraphQL.Mutations;
using GoShop.Catalog.Internal;
using GoShop.Catalog.Inventory;
using GoShop.Catalog.Prices;
using GoShop.Catalog.Products;
using GoShop.Catalog.Seed;
using GoShop.Catalog.Shops;
using GoShop.Contracts.Media;
using GoShop.Contracts.Shops;

namespace GoShop.Catalog;

public static class CatalogServices
{
    /// <summary>The catalog domain's services, on top of what every subgraph has.</summary>
    public static WebApplicationBuilder AddCatalogServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<CatalogOptions>().Bind(configuration.GetSection(CatalogOptions.Section));
        services.AddInternalApiClient<MediaDirectory>(configuration);
        services.AddInternalApiClient<ShopDirectory>(configuration);

        services.AddScoped<ShopAccess>();
        services.AddScoped<StockLedger>();
        services.AddScoped<StockReservationService>();
        services.AddScoped<StockReturns>();
        services.AddScoped<ProductLookup>();
        services.AddScoped<ProductExport>();
        services.AddScoped<BrandRegistry>();
        services.AddScoped<ProductEvents>();
        services.AddScoped<ProductListings>();
        services.AddScoped<ProductGallery>();
        services.AddScoped<PriceBook>();
        services.AddScoped<StockKeeping>();
        services.AddScoped<CategoryTree>();
        services.AddSingleton<ReservationSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<ReservationSweeper>());

        services.AddScoped<ProductByIdLoader>();
        services.AddScoped<VariantByIdLoader>();
        services.AddScoped<VariantsByProductLoader>();
        services.AddScoped<BrandByIdLoader>();
        services.AddScoped<CategoryByIdLoader>();
        services.AddScoped<CategoryChildrenLoader>();
        services.AddScoped<MediaByProductLoader>();
        services.AddScoped<ShopCopyByIdLoader>();
        services.AddScoped<StockByProductLoader>();

        services.AddScoped<ProductMutations>();
        services.AddScoped<PriceMutations>();
        services.AddScoped<InventoryMutations>();
        services.AddScoped<CategoryMutations>();
        services.AddScoped<CatalogDemoData>();
        services.AddScoped<IDemoDataSeeder>(provider => provider.GetRequiredService<CatalogDemoData>());
        return builder;
    }
}
