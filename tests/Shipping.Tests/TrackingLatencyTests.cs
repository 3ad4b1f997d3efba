using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GoShop.Shipping.Tests.Support;
using GoShop.Testing;
using Xunit.Abstractions;

namespace GoShop.Shipping.Tests;

/// <summary>
/// How long a position takes from <c>reportLocation</c> to the followers of the shipment (in-process: the mutation, the
/// commit, Redis pub/sub and the SSE stream). By default a short run; GOSHOP_LATENCY_UPDATES and
/// GOSHOP_LATENCY_SUBSCRIBERS scale it (the figures in the closing note: 1,000 updates, 100 subscribers). It asserts
/// that every follower hears every position, in order; the figures go to the test output, never into an assertion.
/// </summary>
[Trait("Category", "Measurement")]
public sealed class TrackingLatencyTests(TrackingLatencyTests.FastApp app, ITestOutputHelper output) : IClassFixture<TrackingLatencyTests.FastApp>
{
    public sealed class FastApp() : ShippingApp(new Dictionary<string, string?> { ["Shipping:Tracking:ReportsPerWindow"] = "1000000" });

    [Fact]
    public async Task Every_follower_hears_every_position_in_order()
    {
        var updates = Setting("GOSHOP_LATENCY_UPDATES", 100);
        var subscribers = Setting("GOSHOP_LATENCY_SUBSCRIBERS", 20);
        var shop = ShippingAppExtensions.Somewhere();
        var start = shop.Offset(0.5);
        var shipper = await app.ShipperAsync(start);
        var created = await app.ShipmentAsync(shop, dropoff: shop.Offset(30));
        (await shipper.AcceptAsync(created.ShipmentId)).Succeeded();
        (await shipper.MoveAsync(created.ShipmentId, "PICKED_UP")).Succeeded();
        var sent = new long[updates];
        var received = new ConcurrentBag<(int Subscriber, int Update, long At)>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var streams = new List<HttpResponseMessage>();
        for (var s = 0; s < subscribers; s++)
            streams.Add(await ServerSentEvents.SubscribeAsync(app.Factory.CreateClient(), Operations.ShipmentTracking, created.Buyer.Client.AccessToken,
                new { orderId = created.Order.OrderId }));
        var readers = streams.Select((stream, s) => Task.Run(async () =>
        {
            var count = 0;
            await foreach (var e in ServerSentEvents.ReadAsync(stream, stop.Token))
            {
                var at = Stopwatch.GetTimestamp();
                var tracking = JsonDocument.Parse(e.Data).RootElement.GetProperty("data").GetProperty("shipmentTracking");
                // The update's number rides in the longitude's last digits (see below); the first event is the current position.
                if (tracking.GetProperty("location").ValueKind == JsonValueKind.Object && Number(tracking.GetProperty("location").GetProperty("lng").GetDouble(), start.Lng) is { } n)
                {
                    received.Add((s, n, at));
                    if (++count == updates)
                        return;
                }
            }
        })).ToList();
        await Task.Delay(500);

        for (var i = 0; i < updates; i++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            // About 11 m a second (40 km/h), the update's number in the longitude's seventh decimal.
            var point = new GoShop.BuildingBlocks.Domain.GeoPoint(start.Lat + 0.0001 * (i + 1), start.Lng + Marker + i * 1e-7);
            sent[i] = Stopwatch.GetTimestamp();
            (await shipper.ReportAsync(point)).Succeeded();
        }
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var stream in streams)
            stream.Dispose();

        var perSubscriber = received.GroupBy(r => r.Subscriber).ToList();
        Assert.Equal(subscribers, perSubscriber.Count);
        Assert.All(perSubscriber, g => Assert.Equal(Enumerable.Range(0, updates), g.OrderBy(r => r.At).Select(r => r.Update)));
        var latencies = received.Select(r => Stopwatch.GetElapsedTime(sent[r.Update], r.At).TotalMilliseconds).Order().ToList();
        var p50 = Percentile(latencies, 0.50);
        var p95 = Percentile(latencies, 0.95);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reportLocation -> subscriber, {updates} updates x {subscribers} subscribers ({latencies.Count} deliveries): p50 {p50:0.0} ms, p95 {p95:0.0} ms, max {latencies[^1]:0.0} ms"));
        // Speed is measured here, not asserted: timed assertions flake on shared machines (make bench has the targets).
    }

    private const double Marker = 1e-4;

    private static int? Number(double lng, double baseLng)
    {
        var n = (int)Math.Round((lng - baseLng - Marker) / 1e-7);
        return n >= 0 ? n : null;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
