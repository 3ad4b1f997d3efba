using System.Diagnostics;
using System.Globalization;
using GoShop.Search.Index;
using GoShop.Search.Tests.Support;
using GoShop.Testing;
using Xunit.Abstractions;

namespace GoShop.Search.Tests;

/// <summary>
/// What the index costs per call, in-process (no HTTP, no GraphQL), over a catalog the size of make bench's: the
/// storefront searches of bench scenario 7 (text, filters, a sort, facets and totalCount), browsing categories without
/// text, and the suggestions of scenario 7's prefixes; each 1 caller at a time and 8 at once, with the process's CPU and
/// allocations per call, and the first call of each just after the index changed (nothing kept for the new reader yet).
/// It runs only when GOSHOP_MEASURE=1 (GOSHOP_MEASURE_PRODUCTS sets the catalog's size, 100,000
/// by default; GOSHOP_MEASURE_CALLS the calls per caller, 300 by default). It checks that the answers are real (browse
/// totals equal a plain count, suggestions found), and writes the figures to the test output, never into an assertion.
/// </summary>
[Trait("Category", "Measurement")]
public sealed class SearchTimingTests(ITestOutputHelper output)
{
    private static readonly SearchRequest[] Storefront =
    [
        new() { Text = "tai nghe bluetooth", MinPrice = 300_000, MaxPrice = 3_000_000, InStockOnly = true, Sort = SearchSort.PriceAsc },
        new() { Text = "điện thoại samsung" },
        new() { Text = "laptop", Brands = ["Apple"], Sort = SearchSort.Newest },
        new() { Text = "giày thể thao", MinRating = 4.0, Sort = SearchSort.BestSelling },
        new() { Text = "ao thun cotton nam", Sort = SearchSort.PriceDesc },
        new() { Text = "nồi cơm điện", InStockOnly = true, Sort = SearchSort.Rating },
        new() { Text = "quat dien xiaomi", MaxPrice = 2_000_000 },
        new() { Text = "balo laptop chống nước", Sort = SearchSort.PriceAsc },
    ];

    private static readonly SearchRequest[] Browsing =
    [
        new() { CategoryIds = [DemoLikeProducts.Electronics] },
        new() { CategoryIds = [DemoLikeProducts.Phones], Sort = SearchSort.PriceAsc },
        new() { CategoryIds = [DemoLikeProducts.Fashion], InStockOnly = true },
        new() { CategoryIds = [DemoLikeProducts.Audio], Brands = ["Sony"] },
        new() { CategoryIds = [DemoLikeProducts.Kitchen], MinPrice = 500_000, Sort = SearchSort.Newest },
        new() { Sort = SearchSort.Newest },
        new() { CategoryIds = [DemoLikeProducts.Beauty], MinRating = 4.0 },
        new() { CategoryIds = [DemoLikeProducts.Home], Sort = SearchSort.BestSelling },
    ];

    private static readonly string[] Prefixes = ["tai ng", "dien th", "iph", "nồi c", "ao th", "giay", "balo", "quạt"];

    [MeasurementFact]
    public void Searches_browsing_and_suggestions_over_a_large_catalog()
    {
        var count = Setting("GOSHOP_MEASURE_PRODUCTS", 100_000);
        var calls = Setting("GOSHOP_MEASURE_CALLS", 300);
        using var temporary = new TemporaryIndex();
        var index = temporary.Index;
        var products = DemoLikeProducts.Large(count);
        var started = Stopwatch.GetTimestamp();
        foreach (var chunk in products.Chunk(1000))
            index.Upsert(chunk);
        // As a rebuild leaves it; then, as a live index, the small segments of the feed's refreshes (every 200 ms while products change).
        index.Compact();
        var random = new Random(7);
        for (var round = 0; round < 60; round++)
        {
            index.Upsert(Enumerable.Range(0, 5).Select(_ => products[random.Next(products.Count)]).Select(p => p with { SoldCount = p.SoldCount + 1 }).ToList());
            index.Refresh();
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} products indexed in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));

        var live = products.ToDictionary(p => p.Id);
        foreach (var request in Browsing)
        {
            var expected = live.Values.Count(p => Passes(request, p));
            Assert.Equal(expected, index.Search(request).TotalCount);
        }
        Assert.All(Storefront, request => Assert.NotEqual(0, index.Search(request).TotalCount));
        Assert.All(Prefixes, prefix => Assert.NotEmpty(index.Suggest(prefix, 8)));

        Measure("storefront searches (bench scenario 7)", Storefront.Select<SearchRequest, Action>(r => () => index.Search(r)).ToList(), calls);
        Measure("browsing categories, no text", Browsing.Select<SearchRequest, Action>(r => () => index.Search(r)).ToList(), calls);
        Measure("suggestions (first 8)", Prefixes.Select<string, Action>(p => () => index.Suggest(p, 8)).ToList(), calls);

        // Just after the index changed (a refresh: a new reader), nothing is kept yet: each request's first call.
        var changes = products.Take(calls).ToList();
        void Changed(int round)
        {
            index.Upsert([changes[round % changes.Count] with { SoldCount = round }]);
            index.Refresh();
        }
        output.WriteLine(Cold(Storefront.Select<SearchRequest, Action>(r => () => index.Search(r)).ToList(), Changed, calls / 4).Describe("storefront searches, first call after a change"));
        output.WriteLine(Cold(Browsing.Select<SearchRequest, Action>(r => () => index.Search(r)).ToList(), Changed, calls / 4).Describe("browsing, first call after a change"));
        output.WriteLine(Cold(Prefixes.Select<string, Action>(p => () => index.Suggest(p, 8)).ToList(), Changed, calls / 4).Describe("suggestions, first call after a change"));
    }

    private void Measure(string name, IReadOnlyList<Action> work, int calls)
    {
        Run(work, 1, Math.Max(20, calls / 4));
        output.WriteLine(Run(work, 1, calls).Describe(name + ", 1 caller"));
        output.WriteLine(Run(work, 8, calls).Describe(name + ", 8 callers"));
    }

    /// <summary>One caller; before each round the index changes, then every piece of work is timed once.</summary>
    private static Figures Cold(IReadOnlyList<Action> work, Action<int> change, int rounds)
    {
        var latencies = new List<double>();
        var cpu = TimeSpan.Zero;
        var allocated = 0L;
        var elapsed = TimeSpan.Zero;
        for (var round = 0; round < rounds; round++)
        {
            change(round);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var started = Stopwatch.GetTimestamp();
            foreach (var piece in work)
            {
                var sent = Stopwatch.GetTimestamp();
                piece();
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
            elapsed += Stopwatch.GetElapsedTime(started);
            cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            allocated += GC.GetTotalAllocatedBytes() - allocatedBefore;
        }
        latencies.Sort();
        return new Figures(latencies.Count, latencies, cpu.TotalMilliseconds / latencies.Count, allocated / (double)latencies.Count, 0, latencies.Count / elapsed.TotalSeconds);
    }

    /// <summary><paramref name="callers"/> threads at once, each making <paramref name="calls"/> calls in turn through the work.</summary>
    private static Figures Run(IReadOnlyList<Action> work, int callers, int calls)
    {
        var latencies = new double[callers][];
        using var start = new Barrier(callers + 1);
        var threads = Enumerable.Range(0, callers).Select(caller => new Thread(() =>
        {
            var own = latencies[caller] = new double[calls];
            start.SignalAndWait();
            for (var i = 0; i < calls; i++)
            {
                var sent = Stopwatch.GetTimestamp();
                work[(caller + i) % work.Count]();
                own[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var collections = GC.CollectionCount(0);
        start.SignalAndWait();
        var wall = Stopwatch.StartNew();
        threads.ForEach(t => t.Join());
        var seconds = wall.Elapsed.TotalSeconds;
        var total = callers * calls;
        return new Figures(total, latencies.SelectMany(l => l).Order().ToList(), (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / total,
            (GC.GetTotalAllocatedBytes() - allocated) / (double)total, GC.CollectionCount(0) - collections, total / seconds);
    }

    private static bool Passes(SearchRequest request, IndexedProduct product) =>
        (request.CategoryIds.Count == 0 || request.CategoryIds.Any(product.CategoryPath.Contains))
        && (request.Brands.Count == 0 || request.Brands.Any(b => TextFolding.Key(b) == TextFolding.Key(product.Brand)))
        && product.EffectivePrice >= (request.MinPrice ?? 0) && product.EffectivePrice <= (request.MaxPrice ?? decimal.MaxValue)
        && (request.MinRating is null || product.Rating >= (decimal)request.MinRating.Value)
        && (!request.InStockOnly || product.InStock);

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;

    private sealed record Figures(int Calls, List<double> Sorted, double CpuMsPerCall, double BytesPerCall, int Gen0, double PerSecond)
    {
        public string Describe(string load) => string.Create(CultureInfo.InvariantCulture,
            $"{load}: {Calls} calls, p50 {Percentile(0.50):0.00} ms, p95 {Percentile(0.95):0.00} ms, p99 {Percentile(0.99):0.00} ms, " +
            $"{PerSecond:0}/s, CPU {CpuMsPerCall:0.000} ms/call, {BytesPerCall / 1024:0.0} KB allocated/call, {Gen0} gen0 collections");

        private double Percentile(double p) => Sorted[Math.Clamp((int)Math.Ceiling(p * Sorted.Count) - 1, 0, Sorted.Count - 1)];
    }
}
