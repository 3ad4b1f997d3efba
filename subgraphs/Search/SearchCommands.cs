using GoShop.Search.Index;

namespace GoShop.Search;

/// <summary>
/// The subgraph's own verbs: <c>reindex</c> imports every product from catalog again and rebuilds this instance's index,
/// with the subgraph stopped (a running instance holds the index's write lock: ask it through
/// <c>POST /internal/search/reindex</c> instead, which is what <c>make reindex</c> does).
/// </summary>
public static class SearchCommands
{
    public static IReadOnlyDictionary<string, Func<WebApplication, string[], Task<int>>> All { get; } =
        new Dictionary<string, Func<WebApplication, string[], Task<int>>>
        {
            ["reindex"] = ReindexAsync,
        };

    private static async Task<int> ReindexAsync(WebApplication app, string[] args)
    {
        await app.Services.GetRequiredService<BuildingBlocks.Data.IMigrateDatabase>().MigrateAsync(CancellationToken.None);
        var feed = app.Services.GetRequiredService<IndexFeed>();
        await app.Services.GetRequiredService<CategoryNames>().RefreshAsync(CancellationToken.None);
        var count = await feed.RebuildAsync(fromCatalog: true, CancellationToken.None);
        Console.Out.WriteLine($"Indexed {count} products.");
        app.Services.GetRequiredService<ISearchIndex>().Dispose();
        return 0;
    }
}
