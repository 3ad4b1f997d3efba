using GoShop.Analytics.Domain;
using GoShop.Analytics.Tests.Support;
using GoShop.Contracts.Ordering;
using GoShop.Contracts.Payments;
using GoShop.Testing;

namespace GoShop.Analytics.Tests;

/// <summary>platformAnalytics against a plain recount of a random history of several shops, delivered shuffled and partly twice.</summary>
public sealed class PlatformTests(AnalyticsApp app) : IClassFixture<AnalyticsApp>
{
    [Fact]
    public async Task Every_platform_figure_equals_a_plain_recount()
    {
        var firstDay = new DateOnly(2025, 10, 1);
        var history = new History(seed: 29, shops: 3, firstDay, days: 12);
        await app.DeliverAsync(history.ShuffledWithRedeliveries());
        var (from, to) = (firstDay.AddDays(-7), firstDay.AddDays(11));
        var (start, end) = (AnalyticsCalendar.StartOf(from), AnalyticsCalendar.StartOf(to.AddDays(1)));

        var platform = (await app.Admin().Client.SendAsync(Operations.PlatformAnalytics, new { from = RecountTests.Day(from), to = RecountTests.Day(to) }))
            .EnsureNoErrors().Get("platformAnalytics");

        var placed = history.Orders.Where(o => o.PlacedAt >= start && o.PlacedAt < end).ToList();
        var live = placed.Where(o => !o.Cancelled).ToList();
        var gmv = live.Sum(o => o.Snapshot.Subtotal);
        var commission = live.Sum(o => o.Commission);
        Assert.Equal((gmv, commission, live.Sum(o => o.Refunded)),
            (platform.Get("gmv.amount").GetDecimal(), platform.Get("commission.amount").GetDecimal(), platform.Get("refunds.amount").GetDecimal()));
        Assert.Equal((double)(commission / gmv), platform.GetProperty("takeRate").GetDouble(), 1e-9);
        Assert.Equal((live.Count, live.Select(o => o.Snapshot.BuyerId).Distinct().Count(), live.Select(o => o.Snapshot.ShopId).Distinct().Count(), 3),
            (platform.GetProperty("orders").GetInt32(), platform.GetProperty("activeBuyers").GetInt32(), platform.GetProperty("activeSellers").GetInt32(),
                platform.GetProperty("newShops").GetInt32()));

        var statuses = placed.GroupBy(o => o.Cancelled ? "CANCELLED" : o.Completed ? "COMPLETED" : "DELIVERED")
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(statuses.OrderBy(s => s.Key, StringComparer.Ordinal),
            platform.GetProperty("ordersByStatus").EnumerateArray().ToDictionary(s => s.GetProperty("status").GetString()!, s => s.GetProperty("orders").GetInt32())
                .OrderBy(s => s.Key, StringComparer.Ordinal));

        var payments = history.Payments.Where(p => p.At >= start && p.At < end).GroupBy(p => (p.Gateway, p.Method))
            .Select(g => (g.Key.Gateway, g.Key.Method, g.Count(), g.Count(p => p.Succeeded))).OrderBy(p => p.Gateway, StringComparer.Ordinal)
            .ThenBy(p => p.Method, StringComparer.Ordinal).ToList();
        Assert.Contains(payments, p => p.Item4 < p.Item3);
        Assert.Equal(payments, platform.GetProperty("paymentSuccess").EnumerateArray()
            .Select(p => (p.GetProperty("gateway").GetString()!, p.GetProperty("method").GetString()!, p.GetProperty("attempts").GetInt32(), p.GetProperty("succeeded").GetInt32()))
            .ToList());

        var shops = live.GroupBy(o => o.Snapshot.ShopId).Select(g => (g.Key, g.Count(), g.Sum(o => o.Snapshot.Subtotal)))
            .OrderByDescending(s => s.Item3).ThenBy(s => s.Key).ToList();
        Assert.Equal(shops, platform.GetProperty("topShops").EnumerateArray()
            .Select(s => (s.Get("shop.id").GetGuid(), s.GetProperty("orders").GetInt32(), s.Get("grossSales.amount").GetDecimal())).ToList());

        var categoryOf = history.Products.ToDictionary(p => p.Product, p => p.Category);
        var categories = live.SelectMany(o => o.Snapshot.Lines.Select(l => (o.Snapshot.OrderId, Category: categoryOf[l.ProductId], l.Quantity, l.LineTotal)))
            .GroupBy(l => l.Category)
            .Select(g => (g.Key, g.Select(l => l.OrderId).Distinct().Count(), g.Sum(l => l.Quantity), g.Sum(l => l.LineTotal)))
            .OrderByDescending(c => c.Item4).ThenBy(c => c.Key).ToList();
        Assert.Equal(categories, platform.GetProperty("topCategories").EnumerateArray()
            .Select(c => (c.Get("category.id").GetGuid(), c.GetProperty("orders").GetInt32(), c.GetProperty("units").GetInt32(), c.Get("revenue.amount").GetDecimal()))
            .ToList());

        var cities = placed.Where(o => o.HasShipment).GroupBy(o => o.Snapshot.DeliveryAddress.City)
            .Select(g => (City: g.Key, Shipments: g.Count(), Delivered: g.Count(o => o.DeliveredAt is not null),
                Failed: (double)g.Count(o => o.FailedAttempt) / g.Count(),
                Minutes: g.Where(o => o.DeliveredAt is not null).Average(o => (o.DeliveredAt!.Value - o.ShippedAt!.Value).TotalMinutes)))
            .OrderByDescending(c => c.Shipments).ThenBy(c => c.City, StringComparer.Ordinal).ToList();
        var answered = platform.GetProperty("deliveryByCity").EnumerateArray().ToList();
        Assert.Equal(cities.Select(c => (c.City, c.Shipments, c.Delivered)),
            answered.Select(c => (c.GetProperty("city").GetString()!, c.GetProperty("shipments").GetInt32(), c.GetProperty("delivered").GetInt32())));
        for (var i = 0; i < cities.Count; i++)
        {
            Assert.Equal(cities[i].Failed, answered[i].GetProperty("failedDeliveryRate").GetDouble(), 1e-9);
            Assert.Equal(cities[i].Minutes, answered[i].GetProperty("averageDeliveryMinutes").GetDouble(), 1e-6);
        }
    }

    [Fact]
    public async Task A_failed_payment_counts_under_its_own_gateway_and_method_and_one_that_names_neither_under_UNKNOWN_and_its_orders_method()
    {
        var history = new History(seed: 31, shops: 1, new DateOnly(2024, 3, 1), days: 0);
        var shop = history.Shops[0];
        var at = new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.FromHours(7));
        var declined = history.OrderAt(shop, at).Snapshot with { Status = "PENDING_PAYMENT", PaymentMethod = "E_WALLET" };
        var older = history.OrderAt(shop, at.AddHours(1)).Snapshot with { Status = "PENDING_PAYMENT", PaymentMethod = "CARD" };
        await app.DeliverAsync(
        [
            (new OrderPlaced(declined, at), Guid.NewGuid()),
            (new PaymentFailed(Guid.NewGuid(), null, [declined.OrderId], "DECLINED", at.AddMinutes(3), "E_WALLET", "MOMO"), Guid.NewGuid()),
            (new PaymentSucceeded(Guid.NewGuid(), null, [declined.OrderId], declined.Total, "VND", "E_WALLET", "MOMO", at.AddMinutes(9)), Guid.NewGuid()),
            (new OrderPlaced(older, at.AddHours(1)), Guid.NewGuid()),
            // As payments published it before the event named the attempt.
            (new PaymentFailed(Guid.NewGuid(), null, [older.OrderId], "DECLINED", at.AddHours(1).AddMinutes(3)), Guid.NewGuid()),
        ]);

        var platform = (await app.Admin().Client.SendAsync(Operations.PlatformAnalytics, new { from = "2024-03-05", to = "2024-03-05" }))
            .EnsureNoErrors().Get("platformAnalytics");

        Assert.Equal([("MOMO", "E_WALLET", 2, 1), ("UNKNOWN", "CARD", 1, 0)], platform.GetProperty("paymentSuccess").EnumerateArray()
            .Select(p => (p.GetProperty("gateway").GetString()!, p.GetProperty("method").GetString()!, p.GetProperty("attempts").GetInt32(), p.GetProperty("succeeded").GetInt32()))
            .ToList());
    }
}
