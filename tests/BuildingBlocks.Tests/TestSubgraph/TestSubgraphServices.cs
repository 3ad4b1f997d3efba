using Microsoft.Extensions.DependencyInjection;

namespace GoShop.BuildingBlocks.Tests.TestSubgraph;

public static class TestSubgraphServices
{
    /// <summary>The test subgraph's own services, on top of what AddGoShopSubgraph gives every subgraph.</summary>
    public static IServiceCollection AddTestSubgraph(this IServiceCollection services)
    {
        services.AddSingleton<FetchLog>();
        services.AddSingleton<InFlightHandlers>();
        services.AddScoped<CategoryByIdLoader>();
        services.AddScoped<WidgetByIdLoader>();
        services.AddScoped<PartsByWidgetLoader>();
        return services;
    }
}
