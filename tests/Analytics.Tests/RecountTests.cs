using System.Text.Json;
using GoShop.Analytics.Domain;
using GoShop.Analytics.Tests.Support;
using GoShop.BuildingBlocks.Auth;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Analytics.Tests;

/// <summary>
/// Every figure of Shop.analytics against a plain recount of a random history (refunds, partial returns, cancellations
/// after payment, failed payments and delivery attempts), whose events arrive shuffled and some twice; and the rollups
/// kept event by event against a rebuild from the facts.
/// </summary>
public sealed class RecountTests(AnalyticsApp app) : IClassFixture<AnalyticsApp>
{
    [Fact]
    public async Task Every_shop_figure_equals_a_plain_recount_of_a_random_history_delivered_out_of_order_and_twice()
    {
        var firstDay = AnalyticsCalendar.DayOf(DateTimeOffset.UtcNow).AddDays(-60);
        var history = new History(seed: 19, shops: 2, firstDay, days: 20);
        await app.DeliverAsync(history.ShuffledWithRedeliveries());
        var (from, to) = (firstDay.AddDays(10), firstDay.AddDays(19));

        foreach (var shop in history.Shops)
        {
            var owner = app.As(shop.OwnerId, Roles.Seller);
            var analytics = (await owner.Client.SendAsync(Operations.ShopAnalytics,
                new { shop = Operations.Shop(shop.ShopId), from = Day(from), to = Day(to), granularity = "DAY" })).EnsureNoErrors().Get("_entities.0.analytics");

            var expected = Recount.Shop(history, shop.ShopId, from, to);
            Assert.True(expected.Orders > 5 && expected.Refunds > 0 && expected.CancelledOrders > 0, "the random history should exercise every rule");
            FigureAssertions.Matches(expected, analytics);
            FigureAssertions.Matches(Recount.Shop(history, shop.ShopId, firstDay, firstDay.AddDays(9)), analytics.GetProperty("previous"));
            Assert.Equal(JsonValueKind.Null, analytics.Get("previous.previous").ValueKind);

            var series = analytics.GetProperty("series").EnumerateArray().ToList();
            Assert.Equal(10, series.Count);
            for (var d = 0; d < 10; d++)
            {
                var day = from.AddDays(d);
                Assert.Equal(AnalyticsCalendar.StartOf(day), series[d].GetProperty("start").GetDateTimeOffset());
                var daily = Recount.Shop(history, shop.ShopId, day, day);
                Assert.Equal((daily.Orders, daily.GrossSales, daily.NetRevenue, daily.Units, daily.ProductViews),
                    (series[d].GetProperty("orders").GetInt32(), series[d].Get("grossSales.amount").GetDecimal(),
                        series[d].Get("netRevenue.amount").GetDecimal(), series[d].GetProperty("units").GetInt32(), series[d].GetProperty("productViews").GetInt32()));
            }

            var byRevenue = expected.Products.OrderByDescending(p => p.Revenue).ThenByDescending(p => p.Units).ThenBy(p => p.Product).Take(10).ToList();
            var byUnits = expected.Products.OrderByDescending(p => p.Units).ThenByDescending(p => p.Revenue).ThenBy(p => p.Product).Take(10).ToList();
            Assert.Equal(byRevenue, Top(analytics, "topProducts"));
            Assert.Equal(byUnits, Top(analytics, "topProductsByUnits"));
        }
    }

    [Fact]
    public async Task Weekly_and_monthly_series_add_up_the_days_of_the_period()
    {
        var firstDay = new DateOnly(2025, 3, 24);
        var history = new History(seed: 7, shops: 1, firstDay, days: 21);
        await app.DeliverAsync(history.ShuffledWithRedeliveries());
        var shop = history.Shops[0];
        var owner = app.As(shop.OwnerId, Roles.Seller);
        var (from, to) = (new DateOnly(2025, 3, 26), new DateOnly(2025, 4, 12));

        async Task<List<JsonElement>> SeriesAsync(string granularity) =>
            (await owner.Client.SendAsync(Operations.ShopAnalytics, new { shop = Operations.Shop(shop.ShopId), from = Day(from), to = Day(to), granularity }))
            .EnsureNoErrors().Get("_entities.0.analytics.series").EnumerateArray().ToList();

        var weeks = await SeriesAsync("WEEK");
        var months = await SeriesAsync("MONTH");

        // Mondays 24 and 31 March, 7 April; the first week counts only the days from `from`.
        Assert.Equal([new DateOnly(2025, 3, 24), new DateOnly(2025, 3, 31), new DateOnly(2025, 4, 7)],
            weeks.Select(w => AnalyticsCalendar.DayOf(w.GetProperty("start").GetDateTimeOffset())).ToList());
        Assert.Equal(Recount.Shop(history, shop.ShopId, from, new DateOnly(2025, 3, 30)).Orders, weeks[0].GetProperty("orders").GetInt32());
        Assert.Equal(Recount.Shop(history, shop.ShopId, new DateOnly(2025, 3, 31), new DateOnly(2025, 4, 6)).Orders, weeks[1].GetProperty("orders").GetInt32());
        Assert.Equal(Recount.Shop(history, shop.ShopId, new DateOnly(2025, 4, 7), to).Orders, weeks[2].GetProperty("orders").GetInt32());
        Assert.Equal([new DateOnly(2025, 3, 1), new DateOnly(2025, 4, 1)], months.Select(m => AnalyticsCalendar.DayOf(m.GetProperty("start").GetDateTimeOffset())).ToList());
        Assert.Equal(Recount.Shop(history, shop.ShopId, from, new DateOnly(2025, 3, 31)).GrossSales, months[0].Get("grossSales.amount").GetDecimal());
        Assert.Equal(Recount.Shop(history, shop.ShopId, new DateOnly(2025, 4, 1), to).GrossSales, months[1].Get("grossSales.amount").GetDecimal());
    }

    [Fact]
    public async Task Rebuilding_every_rollup_from_the_facts_gives_the_rollups_kept_event_by_event()
    {
        var history = new History(seed: 23, shops: 2, AnalyticsCalendar.DayOf(DateTimeOffset.UtcNow).AddDays(-120), days: 15);
        await app.DeliverAsync(history.ShuffledWithRedeliveries());
        var incremental = await RollupRowsAsync();

        var payload = (await app.Admin().Client.SendAsync(Operations.RebuildRollups, new { input = new { } })).EnsureNoErrors().Get("rebuildAnalyticsRollups").Succeeded();
        var rebuilt = await RollupRowsAsync();

        Assert.True(incremental.Count > 100);
        Assert.Equal(rebuilt.Count, payload.GetProperty("rollupsWritten").GetInt32());
        Assert.Equal(incremental, rebuilt);
    }

    private async Task<List<string>> RollupRowsAsync() =>
        (await app.InDatabaseAsync(db => db.Rollups.AsNoTracking().ToListAsync()))
        .Select(r => JsonSerializer.Serialize(r) + $"|{Math.Round(r.ConfirmSeconds, 3)}|{Math.Round(r.HandoverSeconds, 3)}|{Math.Round(r.DeliverySeconds, 3)}")
        // Sums of seconds may differ in their last bits with the order PostgreSQL adds them in: compared rounded.
        .Select(row => System.Text.RegularExpressions.Regex.Replace(row, "\"(Confirm|Handover|Delivery)Seconds\":[^,}]*", ""))
        .Order(StringComparer.Ordinal).ToList();

    private static List<(Guid, int, decimal)> Top(JsonElement analytics, string field) =>
        analytics.GetProperty(field).EnumerateArray()
            .Select(p => (p.Get("product.id").GetGuid(), p.GetProperty("units").GetInt32(), p.Get("revenue.amount").GetDecimal())).ToList();

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");
}
