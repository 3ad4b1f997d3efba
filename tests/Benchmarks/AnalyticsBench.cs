using System.Diagnostics;
using System.Globalization;
using GoShop.Benchmarks.Generators;
using GoShop.Testing;
using Npgsql;
using static GoShop.Benchmarks.Format;

namespace GoShop.Benchmarks;

/// <summary>
/// Scenario 9, issue 19's numbers: a shop with a year of 200,000 orders (1,000,000 order lines). Its facts are loaded
/// straight into the analytics database (there is no faster honest way to a year of history); then the subgraph's own
/// <c>rebuild-rollups</c> command (the code of the admins' <c>rebuildAnalyticsRollups</c>) recounts every rollup of that
/// year from the facts, the seller's dashboard for the year by day is read by 8 clients, and orders placed through the
/// gateway are timed until the seller's analytics count them.
/// </summary>
public sealed class AnalyticsBench(BenchSettings settings, Marketplace market, TextWriter log)
{
    public const int Orders = 200_000;
    public const int LinesPerOrder = 5;
    public const int ProductCount = 50;

    private const string Figures = """
        from to grossSales { amount currency } netRevenue { amount } vouchers { amount } commission { amount } refunds { amount }
        orders placedOrders cancelledOrders units averageOrderValue { amount } uniqueBuyers newBuyers returningBuyers
        productViews viewers addsToCart conversionRate cancellationRate returnRate averageMinutesToConfirm averageMinutesToShipper
        averageDeliveryMinutes failedDeliveryRate codShare
        """;

    private const string Dashboard = $$"""
        {{Figures}}
        series { start grossSales { amount } netRevenue { amount } orders units productViews }
        topProducts { product { id } units revenue { amount } orders }
        topProductsByUnits { product { id } units revenue { amount } orders }
        previous { {{Figures}} }
        """;

    /// <summary>The seller's dashboard through the gateway: the headline figures with the year before, a point per day, the best products.</summary>
    public const string ShopDashboard = $$"""
        query ShopDashboard($id: ID!, $from: Date!, $to: Date!) {
          shop(id: $id) { analytics(from: $from, to: $to, granularity: DAY) { {{Dashboard}} } }
        }
        """;

    /// <summary>The same asked of the analytics subgraph, as the gateway asks it (an entity fetch of the shop).</summary>
    public const string ShopDashboardAtSubgraph = $$"""
        query ShopDashboard($shop: _Any!, $from: Date!, $to: Date!) {
          _entities(representations: [$shop]) { ... on Shop { analytics(from: $from, to: $to, granularity: DAY) { {{Dashboard}} } } }
        }
        """;

    private const string PlacedToday = "query($id: ID!, $day: Date!) { shop(id: $id) { analytics(from: $day, to: $day) { placedOrders } } }";

    private static readonly TimeSpan LocalOffset = TimeSpan.FromHours(7);

    private readonly CancellationToken _none = CancellationToken.None;

    public async Task<ScenarioReport> RunAsync(IReadOnlyList<Marketplace.Buyer> buyers)
    {
        var report = new ScenarioReport("10. Analytics: a shop with 200,000 orders",
            "rebuilding every rollup from 1,000,000 order lines under 2 min; Shop.analytics for a year by day p95 under 50 ms through the gateway (8 clients); an order in the seller's analytics within 2 s p95");
        var today = LocalDay(DateTimeOffset.UtcNow);
        var from = today.AddDays(-364);

        // A shop of its own, so no other scenario's orders land in its figures.
        var (seller, shopId) = await market.OpenShopAsync("analytics-seller");
        var products = new List<string>();
        for (var i = 0; i < ProductCount; i++)
            products.Add(await market.CreateProductAsync(seller, shopId, $"Analytics item {i}", 1_000_000));
        var sellerId = (await seller.Client.SendAsync("{ me { id } }")).EnsureNoErrors().Get("me.id").GetString()!;
        await UntilAsync("analytics to learn of the shop (ShopCreated)", async () =>
            (await seller.Client.SendAsync(PlacedToday, new { id = shopId, day = Day(today) })).Errors.Count == 0);

        // (a) A year of facts, then the subgraph's rebuild of every rollup of the year from them.
        log.WriteLine($"  loading {Number(Orders)} orders with {Number(Orders * LinesPerOrder)} lines into the analytics database");
        var load = Stopwatch.StartNew();
        await LoadFactsAsync(Guid.Parse(shopId), Guid.Parse(sellerId), products.Select(Guid.Parse).ToArray(), from);
        log.WriteLine($"  loaded in {load.Elapsed.TotalSeconds:0.0} s");
        var (linesInRange, ordersInRange) = await CountFactsAsync(from, today);
        var cpu = CpuAccounting.Start();
        var rebuild = Stopwatch.StartNew();
        var rows = await RebuildAsync(from, today);
        rebuild.Stop();
        var rebuildCpu = CpuAccounting.Shares(cpu.Stop());
        log.WriteLine($"  rebuild: {rebuild.Elapsed.TotalSeconds:0.0} s for {Number(linesInRange)} order lines ({Number(ordersInRange)} orders), {Number(rows)} rollup rows");

        // (b) The seller's dashboard for the year by day, 8 clients, through the gateway and at the subgraph.
        var gatewayRequest = new GraphQLRequest(Marketplace.Body(ShopDashboard, new { id = shopId, from = Day(from), to = Day(today) }), seller.Token);
        var subgraphRequest = new GraphQLRequest(Marketplace.Body(ShopDashboardAtSubgraph,
            new { shop = new Dictionary<string, object> { ["__typename"] = "Shop", ["id"] = shopId }, from = Day(from), to = Day(today) }), seller.Token);
        // The first read after the rebuild finds nothing in the subgraph's report cache: what a dashboard costs after a change.
        var firstRead = Stopwatch.StartNew();
        var year = (await seller.Client.SendAsync(ShopDashboard, new { id = shopId, from = Day(from), to = Day(today) })).EnsureNoErrors().Get("shop.analytics");
        firstRead.Stop();
        log.WriteLine($"  dashboard, first read after the rebuild (nothing cached): {Ms(firstRead.Elapsed.TotalMilliseconds)}");
        var yearOrders = year.GetProperty("placedOrders").GetInt32();
        if (yearOrders < Orders)
            throw new InvalidOperationException($"The shop's analytics show {yearOrders} orders placed over the year; {Orders} were loaded.");
        await Wrk.RunAsync(settings.Subgraph("analytics"), [subgraphRequest], 8, settings.WarmUp, _none);
        await Wrk.RunAsync(settings.Gateway, [gatewayRequest], 8, settings.WarmUp, _none);
        cpu = CpuAccounting.Start();
        var direct = new List<LoadResult>();
        var gateway = new List<LoadResult>();
        for (var run = 1; run <= settings.Runs; run++)
        {
            direct.Add(await Wrk.RunAsync(settings.Subgraph("analytics"), [subgraphRequest], 8, settings.Duration, _none));
            gateway.Add(await Wrk.RunAsync(settings.Gateway, [gatewayRequest], 8, settings.Duration, _none));
            log.WriteLine($"  dashboard, run {run}: subgraph {Rate(direct[^1].RequestsPerSecond)} p95 {Ms(direct[^1].P95)}; gateway {Rate(gateway[^1].RequestsPerSecond)} p95 {Ms(gateway[^1].P95)}");
        }
        var usage = cpu.Stop();
        var reads = direct.Sum(r => r.Requests) + gateway.Sum(r => r.Requests);
        var readCpu = $"{CpuAccounting.Shares(usage, reads)}; {(usage.Sum(u => u.Seconds) * 1000 / reads).ToString("0.0", CultureInfo.InvariantCulture)} ms in all";

        // (c) Orders placed through the gateway, one at a time, each timed until the seller's analytics for today count it.
        var events = await EventLatenciesAsync(buyers, seller, shopId, products);

        var d = LoadResult.Median(direct);
        var g = LoadResult.Median(gateway);
        var sortedEvents = events.Order().ToArray();
        var eventP50 = Statistics.Percentile(sortedEvents, 50);
        var eventP95 = Statistics.Percentile(sortedEvents, 95);
        report.Columns = ["measure", "load", "result", "failed", "generator CPU (of one core)"];
        report.Row("rebuild of every rollup of the year (the subgraph's rebuild-rollups)", $"{Number(linesInRange)} order lines, {Number(ordersInRange)} orders",
            $"{rebuild.Elapsed.TotalSeconds:0.0} s, {Number(rows)} rollup rows", "0", "-");
        report.Row("Shop.analytics, a year by day, the first read after the rebuild (computed, then cached)", "1 request through the gateway",
            Ms(firstRead.Elapsed.TotalMilliseconds), "0", "-");
        report.Row("Shop.analytics, a year by day, analytics subgraph", "8 connections (wrk)", $"{Rate(d.RequestsPerSecond)}, {Latencies(d)}",
            d.Failures.ToString(CultureInfo.InvariantCulture), Percent(d.GeneratorCpuPercent));
        report.Row("Shop.analytics, a year by day, through the gateway", "8 connections (wrk)", $"{Rate(g.RequestsPerSecond)}, {Latencies(g)}",
            g.Failures.ToString(CultureInfo.InvariantCulture), Percent(g.GeneratorCpuPercent));
        report.Row("placeOrder → the seller's analytics count it", $"{events.Count} orders, one at a time",
            $"p50 {Ms(eventP50)}, p95 {Ms(eventP95)}, slowest {Ms(sortedEvents.LastOrDefault())}", "0", "-");
        report.Measured = $"rebuild {rebuild.Elapsed.TotalSeconds:0.0} s; dashboard p95 {Ms(g.P95)} through the gateway ({Ms(d.P95)} at the subgraph); event p95 {Ms(eventP95)}";
        report.Met = rebuild.Elapsed < TimeSpan.FromMinutes(2) && linesInRange >= Orders * LinesPerOrder && g.P95 < 50 && eventP95 < 2000 && g.Failures == 0;
        report.Notes.Add($"The shop has {Number(Orders)} orders of {LinesPerOrder} lines each ({ProductCount} products, 1-3 units a line, about 550 orders a day from {Day(from)} to now), 5 % cancelled, the rest confirmed, shipped, delivered and completed when old enough; a third cash on delivery. They are written straight into the analytics database by one INSERT … SELECT (in {load.Elapsed.TotalSeconds:0.0} s, then ANALYZE, as autovacuum would): the time measured is the rebuild, the subgraph's own `rebuild-rollups` command (the same rebuild as the background job the admins' `rebuildAnalyticsRollups` queues) over every day of the year, which also recounts whatever else the year holds (the demo shops' history): {Number(linesInRange)} order lines of {Number(ordersInRange)} orders in all. CPU during the rebuild, by process: {rebuildCpu}.");
        report.Notes.Add($"The dashboard query asks for every figure of the year with the year before it, 365 daily points and both top-10 product lists; through the gateway it is `shop(id) {{ analytics }}` (shops resolves the shop, analytics the figures, catalog the top products), at the subgraph the `_entities` fetch the gateway sends. Both as the shop's owner. The subgraph keeps a shop's report parts under the shop's report version, which every recount moves (docs/architecture.md, Analytics): the loaded reads are of a dashboard nothing changed since its first read, what a seller reloading or the shop's staff see; the first read is the cost after a change. CPU per read, by process: {readCpu}.");
        report.Notes.Add("The event latency runs from placeOrder's answer (the order committed; ordering's outbox then publishes OrderPlaced) to the first read of the seller's `analytics(from: today, to: today) { placedOrders }` through the gateway that counts it, polled every 20 ms; today's shop-day already holds about 550 orders, which the consumer recounts with each event. Two orders warm up first.");
        return report;
    }

    private async Task<List<double>> EventLatenciesAsync(IReadOnlyList<Marketplace.Buyer> buyers, Marketplace.Person seller, string shopId, List<string> products)
    {
        var count = Math.Min(buyers.Count, 2 + settings.Runs * 10);
        var latencies = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var buyer = buyers[i];
            await Marketplace.ClearCartAsync(buyer.Client);
            await Marketplace.AddToCartAsync(buyer.Client, products[i % products.Count], 1);
            var day = LocalDay(DateTimeOffset.UtcNow);
            var before = await PlacedOnAsync(seller, shopId, day);
            var placed = await buyer.Client.MutateAsync(Scenarios.PlaceOrder,
                new { input = new { addressId = buyer.AddressId, paymentMethod = "COD", idempotencyKey = Guid.NewGuid().ToString() } });
            if (placed.GetProperty("userErrors").GetArrayLength() > 0)
                throw new InvalidOperationException($"placeOrder refused: {placed.GetProperty("userErrors")}");
            var answered = Stopwatch.StartNew();
            var giveUp = TimeSpan.FromSeconds(30);
            while (await PlacedOnAsync(seller, shopId, day) <= before)
            {
                if (answered.Elapsed > giveUp)
                    throw new InvalidOperationException($"An order placed at {DateTimeOffset.UtcNow - answered.Elapsed:HH:mm:ss} did not reach the shop's analytics within 30 s.");
                await Task.Delay(20);
            }
            var ms = answered.Elapsed.TotalMilliseconds;
            log.WriteLine($"  order {i + 1} of {count}{(i < 2 ? " (warm-up)" : "")}: counted after {Ms(ms)}");
            if (i >= 2)
                latencies.Add(ms);
        }
        return latencies;
    }

    private static async Task<int> PlacedOnAsync(Marketplace.Person seller, string shopId, DateOnly day) =>
        (await seller.Client.SendAsync(PlacedToday, new { id = shopId, day = Day(day) })).EnsureNoErrors().Get("shop.analytics.placedOrders").GetInt32();

    /// <summary>The year of orders and lines, in one statement: order i is placed at an even step through the year, its lines after it.</summary>
    private static async Task LoadFactsAsync(Guid shopId, Guid sellerId, Guid[] products, DateOnly from)
    {
        // Npgsql writes a timestamptz from UTC only.
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), LocalOffset).ToUniversalTime();
        var span = DateTimeOffset.UtcNow - start;
        await using var connection = new NpgsqlConnection(BenchCleanup.DevelopmentDatabase("analytics"));
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            $"""
            WITH o AS (
                SELECT i, gen_random_uuid() AS order_id, @start + make_interval(secs => i * @step) AS placed_at,
                    (SELECT sum(1 + (i + n) % 3) FROM generate_series(1, {LinesPerOrder}) AS n)::int AS units,
                    i % 20 = 7 AS cancelled
                FROM generate_series(0, @orders - 1) AS i
            ),
            facts AS (
                INSERT INTO order_facts (order_id, shop_id, seller_id, buyer_id, status, status_at, payment_method, subtotal, discount,
                    shipping_fee, total, currency, units, city, placed_at, confirmed_at, shipped_at, delivered_at, completed_at, cancelled_at)
                SELECT o.order_id, @shop, @seller,
                    ('00000000-0000-4000-8000-' || lpad(to_hex((o.i * 7919) % 40000), 12, '0'))::uuid,
                    CASE WHEN o.cancelled THEN 'CANCELLED' WHEN o.placed_at < now() - interval '8 days' THEN 'COMPLETED' ELSE 'CONFIRMED' END,
                    CASE WHEN o.cancelled THEN o.placed_at + interval '1 hour' WHEN o.placed_at < now() - interval '8 days' THEN o.placed_at + interval '7 days'
                        ELSE o.placed_at + interval '40 minutes' END,
                    CASE WHEN o.i % 3 = 0 THEN 'COD' ELSE 'MOMO' END,
                    o.units * 99000, CASE WHEN o.i % 10 = 0 THEN 20000 ELSE 0 END, 15000,
                    o.units * 99000 - CASE WHEN o.i % 10 = 0 THEN 20000 ELSE 0 END + 15000, 'VND', o.units, 'TP. Hồ Chí Minh', o.placed_at,
                    CASE WHEN NOT o.cancelled THEN o.placed_at + interval '40 minutes' END,
                    CASE WHEN NOT o.cancelled AND o.placed_at < now() - interval '8 days' THEN o.placed_at + interval '20 hours' END,
                    CASE WHEN NOT o.cancelled AND o.placed_at < now() - interval '8 days' THEN o.placed_at + interval '3 days' END,
                    CASE WHEN NOT o.cancelled AND o.placed_at < now() - interval '8 days' THEN o.placed_at + interval '7 days' END,
                    CASE WHEN o.cancelled THEN o.placed_at + interval '1 hour' END
                FROM o
                RETURNING order_id
            )
            INSERT INTO order_line_facts (order_id, line_number, product_id, variant_id, title, quantity, line_total)
            SELECT o.order_id, n, (@products)[1 + (o.i * {LinesPerOrder} + n) % cardinality(@products)], NULL,
                'Analytics item', 1 + (o.i + n) % 3, (1 + (o.i + n) % 3) * 99000
            FROM o JOIN facts f ON f.order_id = o.order_id CROSS JOIN generate_series(1, {LinesPerOrder}) AS n
            """, connection, transaction))
        {
            insert.CommandTimeout = 1800;
            insert.Parameters.AddWithValue("start", start);
            insert.Parameters.AddWithValue("step", span.TotalSeconds / Orders);
            insert.Parameters.AddWithValue("orders", Orders);
            insert.Parameters.AddWithValue("shop", shopId);
            insert.Parameters.AddWithValue("seller", sellerId);
            insert.Parameters.AddWithValue("products", products);
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        await using var analyze = new NpgsqlCommand("ANALYZE order_facts; ANALYZE order_line_facts", connection) { CommandTimeout = 600 };
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>Every order line and order the rebuild of local days <paramref name="from"/> to <paramref name="to"/> recounts.</summary>
    private static async Task<(long Lines, long Orders)> CountFactsAsync(DateOnly from, DateOnly to)
    {
        await using var connection = new NpgsqlConnection(BenchCleanup.DevelopmentDatabase("analytics"));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM order_line_facts l JOIN order_facts o ON o.order_id = l.order_id
                    WHERE (o.placed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN @from AND @to),
                   (SELECT count(*) FROM order_facts o WHERE (o.placed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN @from AND @to)
            """, connection) { CommandTimeout = 600 };
        count.Parameters.AddWithValue("from", from);
        count.Parameters.AddWithValue("to", to);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>
    /// The analytics subgraph's own <c>rebuild-rollups</c> command over the local days given, against the development
    /// database, in the foreground: the code the admins' <c>rebuildAnalyticsRollups</c> job runs in the background.
    /// Answers the rollup rows written.
    /// </summary>
    private async Task<int> RebuildAsync(DateOnly from, DateOnly to)
    {
        var directory = Path.Combine(settings.RepositoryRoot, "subgraphs", "Analytics", "bin",
            Environment.GetEnvironmentVariable("CONFIGURATION") is { Length: > 0 } configuration ? configuration : "Release", "net10.0");
        if (!File.Exists(Path.Combine(directory, "GoShop.Analytics.dll")))
            throw new InvalidOperationException($"The analytics subgraph is not built in {directory} (make up builds it).");
        var outcome = await ChildProcess.RunAsync("env",
            ["-C", directory, "ASPNETCORE_ENVIRONMENT=Production", $"ConnectionStrings__Postgres={BenchCleanup.DevelopmentDatabase("analytics")}",
                "Logging__LogLevel__Default=Warning", "dotnet", "GoShop.Analytics.dll", "rebuild-rollups", Day(from), Day(to)], _none);
        var line = outcome.Output.Split('\n').SingleOrDefault(l => l.StartsWith("Rebuilt ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("rebuild-rollups printed no result: " + outcome.Output + outcome.Error);
        return int.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
    }

    private static async Task UntilAsync(string what, Func<Task<bool>> done)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(60);
        while (!await done())
        {
            if (DateTime.UtcNow > giveUp)
                throw new InvalidOperationException($"Waited 60 s for {what}.");
            await Task.Delay(200);
        }
    }

    private static DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(LocalOffset).DateTime);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
