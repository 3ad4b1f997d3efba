using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Identity;
using GoShop.Search.Behaviour;
using GoShop.Search.Discovery;
using GoShop.Search.GraphQL.Loaders;
using GoShop.Search.GraphQL.Mutations;
using GoShop.Search.Index;
using GoShop.Search.Index.Lucene;

namespace GoShop.Search;

public static class SearchServices
{
    /// <summary>The search domain's services, on top of what every subgraph has.</summary>
    public static WebApplicationBuilder AddSearchServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SearchOptions>().Bind(builder.Configuration.GetSection(SearchOptions.Section));
        services.AddInternalApiClient<CatalogExport>(builder.Configuration);
        services.AddInternalApiClient<AddressDirectory>(builder.Configuration);
        services.AddSingleton<ISearchIndex, LuceneSearchIndex>();
        services.AddSingleton<CategoryNames>();
        services.AddSingleton<IndexFeed>();
        services.AddHostedService(provider => provider.GetRequiredService<IndexFeed>());
        services.AddSingleton<ViewPublisher>();
        services.AddHostedService(provider => provider.GetRequiredService<ViewPublisher>());
        services.AddScoped<CatalogImport>();
        services.AddScoped<BehaviourLog>();
        services.AddScoped<Trending>();
        services.AddScoped<Recommendations>();
        services.AddScoped<BehaviourMutations>();
        services.AddScoped<PriceAlertMutations>();
        services.AddScoped<BoughtTogetherLoader>();
        return builder;
    }
}
