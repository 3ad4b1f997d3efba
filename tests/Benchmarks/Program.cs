using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using GoShop.Benchmarks;
using GoShop.Testing;
using static GoShop.Benchmarks.Format;

// `make bench`: measures the hot paths through a platform started by `make up` (+ `make seed-large`) and writes
// tests/Benchmarks/results/<date>.md. GOSHOP_BENCH_ONLY=overhead,page,search,cart,order,fanout,storefront,review,searchindex,analytics,notify picks scenarios.
// `clean-up <tag>` removes what the run with that tag made (scripts/bench.sh runs it when the bench ends, however
// it ends); GOSHOP_BENCH_TAG names the run.
if (args is ["clean-up", var runTag])
{
    await BenchCleanup.ForDevelopmentDatabases(Console.Out).RemoveRunAsync(runTag, CancellationToken.None);
    return 0;
}
var root = TestEnvironment.RepositoryRoot;
var settings = BenchSettings.FromEnvironment(root);
var log = Console.Out;
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = new Uri(settings.Gateway, "/"),
    Timeout = TimeSpan.FromSeconds(60),
};
var tag = Environment.GetEnvironmentVariable("GOSHOP_BENCH_TAG") is { Length: > 0 } givenTag
    ? givenTag
    : DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
var market = new Marketplace(http, tag);
var scenarios = new Scenarios(settings, http, market, log);

var total = (await market.Client().SendAsync("{ products(first: 1) { totalCount } }")).EnsureNoErrors().Get("products.totalCount").GetInt32();
if (total < 100_000)
{
    Console.Error.WriteLine($"The catalog has {total:N0} products; the benchmarks need the large seed. Run `make seed-large` first.");
    return 1;
}
var started = Stopwatch.StartNew();
log.WriteLine($"==> GoShop benchmarks (tag {tag}): {settings.Runs} runs of {settings.Duration.TotalSeconds:0} s after {settings.WarmUp.TotalSeconds:0} s of warm-up, {total:N0} products");

log.WriteLine("==> setting up: a seller with a shop, products, buyers with an address");
var (seller, shopId) = await market.OpenShopAsync();
var cartProducts = new List<string>();
for (var i = 0; i < 20; i++)
    cartProducts.Add(await market.CreateProductAsync(seller, shopId, $"Bench item {i}", 1_000_000));
var setup = Stopwatch.StartNew();
var buyers = await market.BuyersAsync(300, CancellationToken.None);
log.WriteLine($"  {buyers.Count} buyers registered in {setup.Elapsed.TotalSeconds:0.0} s");
var largeProduct = (await market.Client().SendAsync("{ products(where: { text: \"ao thun cotton nam\" }, first: 1) { edges { node { id } } } }"))
    .EnsureNoErrors().Get("products.edges.0.node.id").GetString()!;
var manyProducts = new List<string>();
foreach (var order in new[] { "BEST_SELLING", "NEWEST" })
{
    var page = (await market.Client().SendAsync("query($order: ProductOrder) { products(order: $order, first: 100) { edges { node { id } } } }", new { order }))
        .EnsureNoErrors().Get("products.edges");
    manyProducts.AddRange(page.EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!));
}

var reports = new List<ScenarioReport>();
if (settings.Includes("overhead"))
{
    log.WriteLine("==> 1. gateway overhead and tuning");
    reports.Add(await scenarios.GatewayOverheadAsync(manyProducts.Distinct().ToList()));
}
if (settings.Includes("page"))
{
    log.WriteLine("==> 2. product page");
    reports.Add(await scenarios.ProductPageAsync(largeProduct));
}
if (settings.Includes("search"))
{
    log.WriteLine("==> 3. search");
    reports.Add(await scenarios.SearchAsync());
}
if (settings.Includes("cart"))
{
    log.WriteLine("==> 4. addToCart");
    reports.Add(await scenarios.AddToCartAsync(buyers.Take(100).ToList(), cartProducts));
}
if (settings.Includes("order"))
{
    log.WriteLine("==> 5. placeOrder with contention");
    reports.Add(await scenarios.PlaceOrderAsync(buyers, seller, shopId));
}
if (settings.Includes("storefront"))
{
    log.WriteLine("==> 7. storefront search (search subgraph)");
    reports.Add(await scenarios.StorefrontSearchAsync());
}
if (settings.Includes("review"))
{
    log.WriteLine("==> 8. posting a review");
    reports.Add(await scenarios.PostReviewAsync(buyers, seller, shopId));
}
if (settings.Includes("searchindex"))
{
    log.WriteLine("==> 9. search index: freshness, rebuild, memory");
    reports.Add(await new SearchIndexBench(settings, market, log).RunAsync(seller, shopId));
}
if (settings.Includes("notify"))
{
    log.WriteLine("==> 11. notifications");
    var notifications = new NotificationsBench(settings, log);
    reports.Add(await notifications.StatusChangeToSubscriptionAsync(buyers[1], seller, cartProducts[1]));
    reports.Add(await notifications.BurstAsync(buyers, shopId));
}
if (settings.Includes("fanout"))
{
    log.WriteLine("==> 6. subscription fan-out");
    reports.Add(await scenarios.FanOutAsync(buyers[0], seller, cartProducts[0]));
}
if (settings.Includes("analytics"))
{
    log.WriteLine("==> 10. analytics: a shop with 200,000 orders");
    reports.Add(await new AnalyticsBench(settings, market, log).RunAsync(buyers));
}

var markdown = new StringBuilder();
var now = DateTime.UtcNow;
markdown.AppendLine(CultureInfo.InvariantCulture, $"# GoShop benchmarks, {now:yyyy-MM-dd HH:mm} UTC").AppendLine();
markdown.AppendLine("Written by `make bench` (tests/Benchmarks) against the platform `make up` started, with the large seed (`make seed-large`).").AppendLine();
markdown.AppendLine("## Machine and tools").AppendLine();
foreach (var line in Machine.Describe(root))
    markdown.AppendLine("- " + line);
markdown.AppendLine(CultureInfo.InvariantCulture, $"- Method: every figure is the median of {settings.Runs} runs of {settings.Duration.TotalSeconds:0} s each, after a {settings.WarmUp.TotalSeconds:0} s warm-up (placeOrder and fan-out: a warm-up round, then {settings.Runs} rounds). Latencies are p50 / p95 / p99. The load generators run on the same 2 cores as the platform; their CPU share is given with each figure.");
markdown.AppendLine(CultureInfo.InvariantCulture, $"- Whole bench: {started.Elapsed.TotalMinutes:0.0} min.").AppendLine();
markdown.AppendLine("## Summary").AppendLine();
markdown.AppendLine("| scenario | target | measured | |").AppendLine("|---|---|---|---|");
foreach (var report in reports)
    markdown.AppendLine(CultureInfo.InvariantCulture, $"| {report.Title} | {report.Target} | {report.Measured} | {report.Verdict} |");
markdown.AppendLine();
foreach (var report in reports)
    report.Write(markdown);

var file = Path.Combine(root, "tests", "Benchmarks", "results", $"{now:yyyy-MM-dd-HHmm}.md");
await File.WriteAllTextAsync(file, markdown.ToString());
log.WriteLine();
log.WriteLine("==> summary");
foreach (var report in reports)
    log.WriteLine($"  {report.Verdict,-10} {report.Title}: {report.Measured} (target: {report.Target})");
log.WriteLine($"==> report: {Path.GetRelativePath(root, file)} ({started.Elapsed.TotalMinutes:0.0} min)");
return 0;

/// <summary>The machine and the versions of everything measured, for the report's header.</summary>
internal static class Machine
{
    public static IEnumerable<string> Describe(string root)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memoryKb = long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"')
            : null;
        yield return $"Machine: {Environment.ProcessorCount} cores ({cpu}), {memoryKb / 1024.0 / 1024:0.0} GiB, {os ?? RuntimeInformation.OSDescription}";
        yield return $"Subgraphs: {RuntimeInformation.FrameworkDescription}, Release builds, one process each";
        yield return $"Gateway: Node {Run("node", "--version")}, @graphql-hive/gateway {NpmVersion(root, "@graphql-hive/gateway")}, @graphql-hive/router-runtime {NpmVersion(root, "@graphql-hive/router-runtime")}";
        yield return "Servers and generators (Debian packages): " + Run("dpkg-query", "-W", "-f=${Package} ${Version}, ", "postgresql-1[0-9]", "redis-server", "rabbitmq-server", "wrk", "hey").TrimEnd(',', ' ');
    }

    private static string NpmVersion(string root, string package)
    {
        var manifest = Path.Combine(root, "gateway", "node_modules", package, "package.json");
        return File.Exists(manifest)
            ? System.Text.Json.JsonDocument.Parse(File.ReadAllText(manifest)).RootElement.GetProperty("version").GetString() ?? "?"
            : "not installed";
    }

    private static string Run(string file, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not installed";
        }
    }
}
