using GoShop.Analytics.Domain;
using GoShop.Analytics.Tests.Support;
using GoShop.BuildingBlocks.Auth;
using GoShop.Contracts;
using GoShop.Contracts.Ordering;
using GoShop.Contracts.Search;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Analytics.Tests;

/// <summary>What arrives twice counts once, what arrives late or out of order lands where it belongs.</summary>
public sealed class EventTests(AnalyticsApp app) : IClassFixture<AnalyticsApp>
{
    [Fact]
    public async Task Orders_a_minute_before_and_after_local_midnight_land_on_their_own_days()
    {
        var history = new History(seed: 3, shops: 1, new DateOnly(2025, 1, 1), days: 0);
        var shop = history.Shops[0];
        // 23:59 on 14 May and 00:01 on 15 May in Ho Chi Minh City are 16:59 and 17:01 UTC on 14 May.
        var late = history.OrderAt(shop, new DateTimeOffset(2025, 5, 14, 23, 59, 0, TimeSpan.FromHours(7)));
        var early = history.OrderAt(shop, new DateTimeOffset(2025, 5, 15, 0, 1, 0, TimeSpan.FromHours(7)));
        await app.DeliverAsync(history.ShuffledWithRedeliveries());
        var owner = app.As(shop.OwnerId, Roles.Seller);

        var fourteenth = await AnalyticsAsync(owner, shop.ShopId, "2025-05-14", "2025-05-14");
        var fifteenth = await AnalyticsAsync(owner, shop.ShopId, "2025-05-15", "2025-05-15");
        var hours = (await owner.Client.SendAsync(Operations.ShopAnalytics,
            new { shop = Operations.Shop(shop.ShopId), from = "2025-05-14", to = "2025-05-15", granularity = "HOUR" })).EnsureNoErrors()
            .Get("_entities.0.analytics.series").EnumerateArray().ToList();

        Assert.Equal((1, late.Snapshot.Subtotal), (fourteenth.GetProperty("orders").GetInt32(), fourteenth.Get("grossSales.amount").GetDecimal()));
        Assert.Equal((1, early.Snapshot.Subtotal), (fifteenth.GetProperty("orders").GetInt32(), fifteenth.Get("grossSales.amount").GetDecimal()));
        Assert.Equal(48, hours.Count);
        Assert.Equal(new DateTimeOffset(2025, 5, 13, 17, 0, 0, TimeSpan.Zero), hours[0].GetProperty("start").GetDateTimeOffset());
        Assert.Equal([23, 24], hours.Select((h, i) => (h, i)).Where(x => x.h.GetProperty("orders").GetInt32() == 1).Select(x => x.i).ToList());
    }

    [Fact]
    public async Task A_redelivered_event_counts_once_and_a_view_counts_once_whatever_batch_brings_it()
    {
        var history = new History(seed: 5, shops: 1, new DateOnly(2025, 1, 1), days: 0);
        var shop = history.Shops[0];
        var order = history.OrderAt(shop, new DateTimeOffset(2025, 6, 2, 10, 0, 0, TimeSpan.FromHours(7)));
        var product = history.Products[0].Product;
        var view = new ProductView(Guid.CreateVersion7(), product, shop.ShopId, null, "visitor-1", new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        var placed = new OrderPlaced(order.Snapshot, order.PlacedAt);
        var placedId = Guid.NewGuid();
        await app.DeliverAsync(history.ShuffledWithRedeliveries());
        await app.DeliverAsync(
        [
            (placed, placedId), (placed, placedId),
            (new ProductViewsRecorded([view], view.ViewedAt), Guid.NewGuid()),
            (new ProductViewsRecorded([view, view], view.ViewedAt), Guid.NewGuid()),
        ]);

        var analytics = await AnalyticsAsync(app.As(shop.OwnerId, Roles.Seller), shop.ShopId, "2025-06-02", "2025-06-02");

        Assert.Equal((1, order.Snapshot.Subtotal, 1), (analytics.GetProperty("orders").GetInt32(), analytics.Get("grossSales.amount").GetDecimal(),
            analytics.GetProperty("productViews").GetInt32()));
        Assert.Equal(1, await app.InDatabaseAsync(db => db.Orders.CountAsync(o => o.OrderId == order.Snapshot.OrderId)));
    }

    [Fact]
    public async Task Events_arriving_in_reverse_leave_the_status_of_the_latest_and_the_same_totals()
    {
        var history = new History(seed: 11, shops: 1, new DateOnly(2025, 1, 1), days: 0);
        var shop = history.Shops[0];
        var order = history.OrderAt(shop, new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.FromHours(7)));
        var events = history.ShuffledWithRedeliveries().OrderByDescending(e => e.Message.OccurredAt).ToList();

        await app.DeliverAsync(events);

        var fact = await app.InDatabaseAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.OrderId == order.Snapshot.OrderId));
        Assert.Equal(("COMPLETED", order.ConfirmedAt, order.ShippedAt, order.DeliveredAt), (fact.Status, fact.ConfirmedAt, fact.ShippedAt, fact.DeliveredAt));
        var analytics = await AnalyticsAsync(app.As(shop.OwnerId, Roles.Seller), shop.ShopId, "2025-07-01", "2025-07-01");
        FigureAssertions.Matches(Recount.Shop(history, shop.ShopId, new DateOnly(2025, 7, 1), new DateOnly(2025, 7, 1)), analytics);
    }

    [Fact]
    public async Task A_report_read_again_is_the_same_and_after_an_event_of_its_shop_shows_the_event()
    {
        var history = new History(seed: 7, shops: 1, new DateOnly(2025, 1, 1), days: 0);
        var shop = history.Shops[0];
        var (from, to) = (new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 31));
        history.OrderAt(shop, new DateTimeOffset(2025, 8, 4, 10, 0, 0, TimeSpan.FromHours(7)));
        await app.DeliverAsync(history.ShuffledWithRedeliveries());
        var owner = app.As(shop.OwnerId, Roles.Seller);
        var first = await AnalyticsAsync(owner, shop.ShopId, "2025-08-01", "2025-08-31");
        var again = await AnalyticsAsync(owner, shop.ShopId, "2025-08-01", "2025-08-31");
        FigureAssertions.Matches(Recount.Shop(history, shop.ShopId, from, to), first);
        Assert.Equal(first.GetRawText(), again.GetRawText());

        // The shop's reports are kept under its version: the next event's recount moves it, and the same period is counted again.
        history.OrderAt(shop, new DateTimeOffset(2025, 8, 20, 10, 0, 0, TimeSpan.FromHours(7)));
        await app.DeliverAsync(history.ShuffledWithRedeliveries());
        var after = await AnalyticsAsync(owner, shop.ShopId, "2025-08-01", "2025-08-31");

        FigureAssertions.Matches(Recount.Shop(history, shop.ShopId, from, to), after);
        Assert.Equal(first.GetProperty("placedOrders").GetInt32() + 1, after.GetProperty("placedOrders").GetInt32());
    }

    private static async Task<System.Text.Json.JsonElement> AnalyticsAsync(Person person, Guid shopId, string from, string to) =>
        (await person.Client.SendAsync(Operations.ShopAnalytics, new { shop = Operations.Shop(shopId), from, to })).EnsureNoErrors()
        .Get("_entities.0.analytics");
}
