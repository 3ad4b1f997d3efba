using System.Diagnostics;
using GoShop.Analytics.Facts;

namespace GoShop.Analytics;

/// <summary>The subgraph's own command-line verbs: <c>rebuild-rollups</c> recounts every rollup from the facts.</summary>
public static class AnalyticsCommands
{
    public static IReadOnlyDictionary<string, Func<WebApplication, string[], Task<int>>> All { get; } =
        new Dictionary<string, Func<WebApplication, string[], Task<int>>>
        {
            ["rebuild-rollups"] = RebuildRollupsAsync,
        };

    private static async Task<int> RebuildRollupsAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var watch = Stopwatch.StartNew();
        var written = await scope.ServiceProvider.GetRequiredService<RollupRebuild>().RunAsync(DateOnly.MinValue, DateOnly.MaxValue.AddDays(-1), CancellationToken.None);
        Console.Out.WriteLine($"Rebuilt {written} rollup rows from the facts in {watch.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }
}
