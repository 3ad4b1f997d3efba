using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Ordering;
using GoShop.Shipping.Assignment;
using GoShop.Shipping.Geocoding;
using GoShop.Shipping.GraphQL.Loaders;
using GoShop.Shipping.GraphQL.Mutations;
using GoShop.Shipping.Labels;
using GoShop.Shipping.Quotes;
using GoShop.Shipping.Seed;
using GoShop.Shipping.Tracking;
using GoShop.Shipping.Workflow;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GoShop.Shipping;

public static class ShippingServices
{
    /// <summary>The shipping domain's services, on top of what every subgraph has.</summary>
    public static WebApplicationBuilder AddShippingServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<ShippingOptions>().Bind(configuration.GetSection(ShippingOptions.Section));
        services.AddShippingQuotes(configuration);
        services.AddGeocoding(configuration);
        services.AddShippingLabels(configuration);

        services.AddSingleton<ShipperLocationIndex>();
        services.AddHostedService<ShipperIndexWarmup>();
        services.AddSingleton<TrackingEta>();
        services.AddScoped<ShipmentDispatcher>();
        services.AddScoped<ShipperSuspension>();
        services.AddScoped<ShipmentWorkflow>();
        services.AddScoped<ShipperActivity>();
        services.AddScoped<TrackingFollowers>();
        services.AddInternalApiClient<OrderDirectory>(configuration);
        services.AddSingleton<OfferSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<OfferSweeper>());
        services.AddScoped<IDemoDataSeeder, ShippingDemoData>();

        services.AddScoped<ShipmentByIdLoader>();
        services.AddScoped<ShipmentByOrderLoader>();
        services.AddScoped<ReturnShipmentsByOrderLoader>();
        services.AddScoped<ShipperByIdLoader>();
        services.AddScoped<HistoryByShipmentLoader>();
        services.AddScoped<TrailByShipmentLoader>();

        services.AddScoped<ShipmentMutations>();
        services.AddScoped<LabelMutations>();
        return builder;
    }
}
