using System.Text.Json;
using GoShop.Analytics.Domain;
using GoShop.Analytics.Facts;
using GoShop.Contracts.Ordering;
using GoShop.Analytics.Tests.Support;
using GoShop.BuildingBlocks.Auth;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

        var job = await RebuildJobTests.RebuildAsync(app, new { });
        var rebuilt = await RollupRowsAsync();

        Assert.True(incremental.Count > 100);
        Assert.Equal(rebuilt.Count, job.GetProperty("rollupsWritten").GetInt32());
        Assert.Equal(incremental, rebuilt);
    }

    [Fact]
    public async Task Events_of_one_shop_day_handled_at_once_leave_the_rollups_a_recount_from_the_facts_gives()
    {
        var history = new History(seed: 37, shops: 1, new DateOnly(2024, 6, 1), days: 0);
        var shop = history.Shops[0];
        // The shop and its products only: the orders' events are played below, by hand.
        await app.DeliverAsync(history.ShuffledWithRedeliveries());
        var morning = new DateTimeOffset(2024, 6, 10, 8, 0, 0, TimeSpan.FromHours(7));
        var orders = Enumerable.Range(0, 24).Select(i => history.OrderAt(shop, morning.AddMinutes(i * 17)).Snapshot).ToList();
        var product = history.Products.First(p => p.Shop == shop.ShopId);

        // Each order placed and then confirmed, each view and cart add, by a handler of its own, all of them at once: every
        // one recounts the same shop-day (and the same day's categories) while the others write theirs.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var work = new List<Func<FactRecorder, Task>>();
        foreach (var (order, i) in orders.Select((o, i) => (o, i)))
        {
            work.Add(facts => facts.OrderAsync(order, OrderMilestone.Placed, order.PlacedAt, CancellationToken.None));
            work.Add(facts => facts.OrderAsync(order with { Status = "CONFIRMED" }, OrderMilestone.Confirmed, order.PlacedAt.AddMinutes(9), CancellationToken.None));
            work.Add(facts => facts.ViewsAsync([new ProductViewFact(Guid.CreateVersion7(), product.Product, shop.ShopId, null, $"visitor-{i}", order.PlacedAt.AddMinutes(-3))],
                CancellationToken.None));
            work.Add(facts =>
            {
                facts.CartAdd(new CartAddFact(Guid.CreateVersion7(), order.BuyerId, product.Product, shop.ShopId, 1, order.PlacedAt.AddMinutes(-1)));
                return Task.CompletedTask;
            });
        }
        var handlers = work.Select(step => Task.Run(async () =>
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GoShop.Analytics.Data.AnalyticsDbContext>();
            var facts = scope.ServiceProvider.GetRequiredService<FactRecorder>();
            await gate.Task;
            await using var transaction = await db.Database.BeginTransactionAsync();
            await step(facts);
            await facts.Rollups.RefreshAsync(CancellationToken.None);
            await transaction.CommitAsync();
        })).ToList();
        gate.SetResult();
        await Task.WhenAll(handlers);
        await app.RecountsDoneAsync();
        var concurrent = await RollupRowsAsync();

        var day = AnalyticsCalendar.DayOf(morning);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RollupRebuild>().RunAsync(day, day, CancellationToken.None);
        var recounted = await RollupRowsAsync();

        Assert.Equal(recounted, concurrent);
        var daily = await app.InDatabaseAsync(db => db.Rollups.AsNoTracking()
            .SingleAsync(r => r.Scope == RollupScope.Shop && r.ScopeId == shop.ShopId && r.Grain == RollupGrain.Day));
        Assert.Equal((24, orders.Sum(o => o.Subtotal), 24, 24, 24), (daily.Orders, daily.GrossSales, daily.ConfirmCount, daily.Views, daily.CartAdds));
    }

    [Fact]
    public async Task A_product_event_moves_its_category_rollups_only_when_it_is_the_newest_and_changes_the_category()
    {
        var history = new History(seed: 41, shops: 1, new DateOnly(2024, 2, 1), days: 0);
        await app.DeliverAsync(history.ShuffledWithRedeliveries());
        var shop = history.Shops[0];
        var at = new DateTimeOffset(2024, 2, 12, 10, 0, 0, TimeSpan.FromHours(7));
        var order = history.OrderAt(shop, at).Snapshot;
        await app.DeliverAsync([(new OrderPlaced(order, at), Guid.NewGuid())]);
        var product = order.Lines[0].ProductId;
        var (first, second, third) = (history.Products.Single(p => p.Product == product).Category, Guid.CreateVersion7(), Guid.CreateVersion7());
        var updated = at.AddDays(1);
        Task UpdateAsync(Guid category, DateTimeOffset occurredAt) => app.DeliverAsync([(new GoShop.Contracts.Catalog.ProductUpdated(
            new GoShop.Contracts.Catalog.ProductSnapshot(product, shop.ShopId, "Áo thun", null, null, null, category, [], "ACTIVE", 100_000m, null, null,
                null, "VND", 300, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), occurredAt), Guid.NewGuid())]);

        await UpdateAsync(second, updated);
        var moved = await CategoriesOfDayAsync();
        await UpdateAsync(first, updated.AddMinutes(-5));
        // A change analytics keeps nothing of (a new rating), then an event older than it: the older one changes nothing.
        await UpdateAsync(second, updated.AddMinutes(10));
        await UpdateAsync(third, updated.AddMinutes(5));

        var copy = await app.InDatabaseAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.ProductId == product));
        Assert.Equal((second, updated.AddMinutes(10), shop.ShopId), (copy.CategoryId, copy.UpdatedAt, copy.ShopId));
        Assert.Contains(second, moved);
        Assert.Equal(moved, await CategoriesOfDayAsync());
        Assert.DoesNotContain(third, moved);
        var kept = await RollupRowsAsync();
        await using (var scope = app.Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RollupRebuild>().RunAsync(AnalyticsCalendar.DayOf(at), AnalyticsCalendar.DayOf(at), CancellationToken.None);
        Assert.Equal(await RollupRowsAsync(), kept);

        Task<List<Guid>> CategoriesOfDayAsync() => app.InDatabaseAsync(db => db.Rollups
            .Where(r => r.Scope == RollupScope.Category && r.Grain == RollupGrain.Day && r.BucketStart == AnalyticsCalendar.StartOf(AnalyticsCalendar.DayOf(at)))
            .Select(r => r.ScopeId).OrderBy(c => c).ToListAsync());
    }

    private Task<List<string>> RollupRowsAsync() => RollupRows.AllAsync(app);

    private static List<(Guid, int, decimal)> Top(JsonElement analytics, string field) =>
        analytics.GetProperty(field).EnumerateArray()
            .Select(p => (p.Get("product.id").GetGuid(), p.GetProperty("units").GetInt32(), p.Get("revenue.amount").GetDecimal())).ToList();

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");
}
