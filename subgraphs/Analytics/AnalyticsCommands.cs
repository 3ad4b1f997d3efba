using System.Diagnostics;
using GoShop.Analytics.Facts;

namespace GoShop.Analytics;

/// <summary>
/// The subgraph's own command-line verbs: <c>rebuild-rollups [from to]</c> recounts every rollup from the facts, of
/// every day or of the local days from and to (yyyy-MM-dd, both included), in the foreground: the same rebuild as the
/// background job <c>rebuildAnalyticsRollups</c> queues (RollupRebuildWorker), for an operator at a console.
/// </summary>
public static class AnalyticsCommands
{
    public static IReadOnlyDictionary<string, Func<WebApplication, string[], Task<int>>> All { get; } =
        new Dictionary<string, Func<WebApplication, string[], Task<int>>>
        {
            ["rebuild-rollups"] = RebuildRollupsAsync,
        };

    private static async Task<int> RebuildRollupsAsync(WebApplication app, string[] args)
    {
        var (from, to) = (DateOnly.MinValue, DateOnly.MaxValue.AddDays(-1));
        if (args.Length > 0 && (args.Length != 2 || !DateOnly.TryParseExact(args[0], "yyyy-MM-dd", out from) ||
                                !DateOnly.TryParseExact(args[1], "yyyy-MM-dd", out to) || from > to))
        {
            Console.Error.WriteLine("Usage: rebuild-rollups [from to], local days as yyyy-MM-dd, from not after to.");
            return 2;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var watch = Stopwatch.StartNew();
        var written = await scope.ServiceProvider.GetRequiredService<RollupRebuild>().RunAsync(from, to, CancellationToken.None);
        Console.Out.WriteLine($"Rebuilt {written} rollup rows from the facts in {watch.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }
}
