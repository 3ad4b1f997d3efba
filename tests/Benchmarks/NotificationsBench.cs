using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using GoShop.Contracts.Ordering;
using GoShop.Testing;
using MassTransit;
using Npgsql;
using static GoShop.Benchmarks.Format;

namespace GoShop.Benchmarks;

/// <summary>
/// Scenario 9, notifications (issue 18's numbers): (a) a seller confirms a buyer's order through the gateway, and the
/// time until the buyer's open <c>notificationReceived</c> subscription (a WebSocket to the gateway) shows it; (b) 10,000
/// order events sent at once to the notifications subgraph's queue, as ordering's outbox would, and the time until every
/// one is a row in an inbox, counted in the notifications database, with none twice.
/// </summary>
public sealed class NotificationsBench(BenchSettings settings, TextWriter log)
{
    private const string Errors = "userErrors { code field message }";
    private const string Received = "subscription { notificationReceived { id kind link } }";
    private const string ConfirmOrder = "mutation($input: ConfirmOrderInput!) { confirmOrder(input: $input) { order { id updatedAt } " + Errors + " } }";
    private const string OrdersEmailOff = "mutation($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { " + Errors + " } }";

    /// <summary>The queue ordering's OrderConfirmed reaches notifications through (its consumer's endpoint, named as MassTransit names it).</summary>
    private const string OrderConfirmedQueue = "queue:notifications-notify-order-confirmed";

    public const int OrdersPerRun = 10;
    public const int BurstSize = 10_000;

    private readonly CancellationToken _none = CancellationToken.None;

    // ---------------------------------------------------------------------------------------------------------
    // (a) From a status change to the buyer's live feed
    // ---------------------------------------------------------------------------------------------------------

    public async Task<ScenarioReport> StatusChangeToSubscriptionAsync(Marketplace.Buyer buyer, Marketplace.Person seller, string productId)
    {
        var report = new ScenarioReport("11a. Notification of a status change", "p95 under 200 ms from a seller's confirmation to the buyer's notificationReceived");
        var url = new UriBuilder(settings.Gateway) { Scheme = settings.Gateway.Scheme == "https" ? "wss" : "ws" }.Uri;
        using var stop = new CancellationTokenSource();
        await using var socket = await GraphQLWebSocket.ConnectAsync(url, buyer.Token, _none);
        await socket.SubscribeAsync("inbox", Received, null, _none);
        var arrivals = new ConcurrentDictionary<(string Kind, string? Link), DateTimeOffset>();
        var reader = Task.Run(async () =>
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var message = await socket.ReceiveAsync(stop.Token);
                    var at = DateTimeOffset.UtcNow;
                    if (message.GetProperty("type").GetString() != "next")
                    {
                        log.WriteLine("  notifications: unexpected message " + message.GetRawText());
                        continue;
                    }
                    var node = message.GetProperty("payload").GetProperty("data").GetProperty("notificationReceived");
                    arrivals.TryAdd((node.GetProperty("kind").GetString()!, node.GetProperty("link").GetString()), at);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
            }
        });
        // The gateway's upstream subscription is live a moment after the client's.
        await Task.Delay(TimeSpan.FromSeconds(2));

        var fromChange = new List<double>();
        var fromSent = new List<double>();
        var missed = 0;
        var cpu = CpuAccounting.Start();
        for (var round = 0; round <= settings.Runs; round++)
        {
            var thisRound = new List<double>();
            for (var i = 0; i < OrdersPerRun; i++)
            {
                await Marketplace.AddToCartAsync(buyer.Client, productId, 1);
                var placed = (await buyer.Client.MutateAsync(Scenarios.PlaceOrder, new { input = new { addressId = buyer.AddressId, paymentMethod = "COD" } }))
                    .Succeeded();
                var orderId = placed.Get("checkout.orders.0.id").GetString()!;
                var link = $"/orders/{orderId}";
                // The order's own notification first, so the confirmation is not queued behind it.
                await ArrivalAsync(arrivals, ("ORDER_PLACED", link));
                var started = DateTimeOffset.UtcNow;
                var confirmed = (await seller.Client.MutateAsync(ConfirmOrder, new { input = new { orderId } })).Succeeded();
                // The change's own time, taken by ordering as it confirms (the same clock: everything runs on this machine).
                var changedAt = DateTimeOffset.Parse(confirmed.Get("order.updatedAt").GetString()!, CultureInfo.InvariantCulture);
                if (await ArrivalAsync(arrivals, ("ORDER_CONFIRMED", link)) is not { } arrived)
                {
                    missed++;
                    continue;
                }
                thisRound.Add((arrived - changedAt).TotalMilliseconds);
                if (round > 0)
                {
                    fromChange.Add((arrived - changedAt).TotalMilliseconds);
                    fromSent.Add((arrived - started).TotalMilliseconds);
                }
            }
            var sorted = thisRound.Order().ToArray();
            log.WriteLine($"  notifications: {(round == 0 ? "warm-up" : $"run {round}")}: {sorted.Length} of {OrdersPerRun} confirmations arrived, " +
                $"p50 {Ms(Statistics.Percentile(sorted, 50))}, p95 {Ms(Statistics.Percentile(sorted, 95))}");
        }
        var usage = cpu.Stop();
        await stop.CancelAsync();
        await reader.ContinueWith(_ => { }, TaskScheduler.Default);

        var all = fromChange.Order().ToArray();
        var afterSending = fromSent.Order().ToArray();
        var p95 = Statistics.Percentile(all, 95);
        report.Columns = ["confirmations", "arrived", "p50", "p95", "p99", "slowest", "p50 / p95 from sending confirmOrder"];
        report.Row((settings.Runs * OrdersPerRun).ToString(CultureInfo.InvariantCulture), all.Length.ToString(CultureInfo.InvariantCulture),
            Ms(Statistics.Percentile(all, 50)), Ms(p95), Ms(Statistics.Percentile(all, 99)), all.Length == 0 ? "-" : Ms(all[^1]),
            $"{Ms(Statistics.Percentile(afterSending, 50))} / {Ms(Statistics.Percentile(afterSending, 95))}");
        report.Measured = $"p95 {Ms(p95)}";
        report.Met = p95 < 200 && missed == 0 && all.Length > 0;
        report.Notes.Add($"One buyer with `notificationReceived` open on a graphql-transport-ws socket to the gateway; per run {OrdersPerRun} orders " +
            "(addToCart, placeOrder COD), each confirmed by the seller through the gateway once its ORDER_PLACED notification arrived; a warm-up run, " +
            $"then {settings.Runs}. Latency: from the change's own time (the order's `updatedAt` that confirmOrder answers, taken by ordering as it " +
            "confirms) to receiving the ORDER_CONFIRMED notification, as the fan-out scenario measures; the last column starts when the client sent " +
            "confirmOrder, so the mutation's round trip through the gateway is in it. Between the two: ordering's outbox to RabbitMQ, notifications' consumer (inbox row, template, " +
            $"delivery plan) and its Redis topic, the subgraph's subscription and the gateway. {missed} did not arrive within 15 s.");
        report.Notes.Add($"CPU per confirmation (placing included), by process (from /proc): {CpuAccounting.Shares(usage, settings.Runs * OrdersPerRun + OrdersPerRun)}.");
        return report;
    }

    /// <summary>When the notification arrived on the socket, waiting up to 15 s for it; null if it never did.</summary>
    private async Task<DateTimeOffset?> ArrivalAsync(ConcurrentDictionary<(string Kind, string? Link), DateTimeOffset> arrivals, (string, string?) key)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (arrivals.TryGetValue(key, out var at))
                return at;
            await Task.Delay(2, _none);
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------
    // (b) A burst of 10,000 events
    // ---------------------------------------------------------------------------------------------------------

    public async Task<ScenarioReport> BurstAsync(IReadOnlyList<Marketplace.Buyer> buyers, string shopId)
    {
        var report = new ScenarioReport("11b. Notification burst", $"{BurstSize:N0} events in a burst all in the inboxes within 30 s, none twice");
        var users = await Task.WhenAll(buyers.Select(async b => Guid.Parse((await b.Client.SendAsync("{ me { id } }")).EnsureNoErrors().Get("me.id").GetString()!)));
        // Their confirmations would otherwise be 10,000 emails in the development pickup folder; the inbox is what is measured.
        await Parallel.ForEachAsync(buyers, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (buyer, _) =>
            (await buyer.Client.MutateAsync(OrdersEmailOff, new { input = new { preferences = new[] { new { category = "ORDERS", channel = "EMAIL", enabled = false } } } }))
                .Succeeded());
        var shop = Guid.TryParse(shopId, out var parsed) ? parsed : Guid.CreateVersion7();

        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(RabbitMq)));
        await bus.StartAsync(_none);
        var results = new List<(double Seconds, double SendSeconds, long Rows, long Distinct)>();
        var cpu = CpuAccounting.Start();
        try
        {
            var endpoint = await bus.GetSendEndpoint(new Uri(OrderConfirmedQueue));
            for (var run = 1; run <= settings.Runs; run++)
            {
                var events = Enumerable.Range(0, BurstSize).Select(i =>
                {
                    var order = TestOrders.Snapshot(users[i % users.Length], shop, (Guid.CreateVersion7(), null, 1));
                    return new OrderConfirmed(order, new OrderActor("SELLER", order.SellerId, null), DateTimeOffset.UtcNow);
                }).ToList();
                var orders = events.Select(e => $"/orders/{e.Order.OrderId}").ToArray();
                var clock = Stopwatch.StartNew();
                await Parallel.ForEachAsync(events, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (message, token) => await endpoint.Send(message, token));
                var sendSeconds = clock.Elapsed.TotalSeconds;
                (long Rows, long Distinct) counted = (0, 0);
                while (clock.Elapsed < TimeSpan.FromSeconds(60))
                {
                    counted = await CountAsync(users, orders);
                    if (counted.Rows >= BurstSize)
                        break;
                    await Task.Delay(100, _none);
                }
                var seconds = clock.Elapsed.TotalSeconds;
                // Late duplicates would come after the last original: look again once the queue is surely drained.
                await Task.Delay(TimeSpan.FromSeconds(2), _none);
                counted = await CountAsync(users, orders);
                results.Add((seconds, sendSeconds, counted.Rows, counted.Distinct));
                log.WriteLine($"  notifications: burst {run}: {counted.Rows:N0} rows ({counted.Distinct:N0} distinct) in {seconds:0.0} s, sent in {sendSeconds:0.0} s");
            }
        }
        finally
        {
            await bus.StopAsync(_none);
        }
        var usage = cpu.Stop();

        var median = Statistics.Median(results.Select(r => r.Seconds));
        report.Columns = ["events", "runs", "all in inboxes (median)", "slowest run", "sending took (median)", "rows per run", "duplicates"];
        report.Row(BurstSize.ToString("N0", CultureInfo.InvariantCulture), results.Count.ToString(CultureInfo.InvariantCulture),
            $"{median:0.0} s", $"{results.Max(r => r.Seconds):0.0} s", $"{Statistics.Median(results.Select(r => r.SendSeconds)):0.0} s",
            string.Join(", ", results.Select(r => r.Rows.ToString("N0", CultureInfo.InvariantCulture))),
            results.Sum(r => r.Rows - r.Distinct).ToString(CultureInfo.InvariantCulture));
        report.Measured = $"{median:0.0} s for {BurstSize:N0}";
        report.Met = results.All(r => r.Seconds < 30 && r.Rows == BurstSize && r.Distinct == BurstSize);
        report.Notes.Add($"Per run, {BurstSize:N0} OrderConfirmed events of new orders of the {users.Length} bench buyers, sent with MassTransit straight to " +
            "notifications' queue (as ordering's outbox publishes them, but not through the exchange, so shipping and the others do not act on orders " +
            "that do not exist), 64 sends at a time. Timed from the first send until the notifications database holds a row for every event (counted " +
            "every 100 ms), then counted again 2 s later for duplicates. The buyers' ORDERS email is switched off first (updateNotificationPreferences), " +
            "so the run does not write 10,000 emails into the development pickup folder.");
        report.Notes.Add($"CPU per event, by process (from /proc): {CpuAccounting.Shares(usage, (double)BurstSize * settings.Runs)}.");
        return report;
    }

    private static string RabbitMq => Environment.GetEnvironmentVariable("GOSHOP_BENCH_RABBITMQ") is { Length: > 0 } value
        ? value
        : "amqp://goshop:goshop@127.0.0.1:5672/goshop";

    /// <summary>The burst's notifications in the inboxes: rows, and distinct orders among them.</summary>
    private static async Task<(long Rows, long Distinct)> CountAsync(Guid[] users, string[] links)
    {
        await using var connection = new NpgsqlConnection(BenchCleanup.DevelopmentDatabase("notifications"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*), count(DISTINCT link) FROM notifications WHERE user_id = ANY(@users) AND kind = 'ORDER_CONFIRMED' AND link = ANY(@links)",
            connection);
        command.Parameters.AddWithValue("users", users);
        command.Parameters.AddWithValue("links", links);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
