using GoShop.BuildingBlocks.Internal;
using GoShop.Search.Index;

namespace GoShop.Search.Internal;

/// <summary>
/// Search's internal API, under <c>/internal</c> (key-checked, never behind the gateway): <c>POST /internal/search/reindex</c>
/// imports every product from catalog again and rebuilds the answering instance's index (<c>make reindex</c>), for products
/// catalog wrote without events (<c>seed-large</c>) or after a change of analysis.
/// </summary>
public static class SearchInternalApi
{
    public static WebApplication MapSearchInternalApi(this WebApplication app)
    {
        var api = app.MapInternalApi();
        api.MapPost("/search/reindex", async (IndexFeed feed, CancellationToken ct) =>
        {
            var started = TimeProvider.System.GetTimestamp();
            var count = await feed.RebuildAsync(fromCatalog: true, ct);
            return Results.Ok(new { indexed = count, elapsedMs = (long)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds });
        });
        return app;
    }
}
