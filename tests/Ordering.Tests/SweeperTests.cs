using GoShop.Contracts.Ordering;
using GoShop.Ordering.Tests.Support;
using GoShop.Ordering.Workflow;
using GoShop.Testing;

namespace GoShop.Ordering.Tests;

/// <summary>
/// The clock's part of the order process: unpaid online orders are cancelled at their deadline, unconfirmed ones after
/// the confirmation timeout, unanswered returns are approved, delivered orders complete when the return window closes;
/// all as SYSTEM, each once.
/// </summary>
public sealed class SweeperTests(OrderingApp app) : IClassFixture<OrderingApp>
{
    [Fact]
    public async Task An_unpaid_online_order_is_cancelled_once_its_payment_deadline_passed_and_not_before()
    {
        var unpaid = await app.PlaceOrderAsync("BANK_TRANSFER");
        var cashOnDelivery = await app.PlaceOrderAsync("COD");
        var sweeper = app.Service<OrderSweeper>();

        app.Clock.Advance(TimeSpan.FromMinutes(14));
        await sweeper.SweepOnceAsync(CancellationToken.None);
        var beforeDeadline = await OrderAsync(unpaid);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await sweeper.SweepOnceAsync(CancellationToken.None);
        var again = await sweeper.SweepOnceAsync(CancellationToken.None);

        Assert.Equal("PENDING_PAYMENT", beforeDeadline.Text("status"));
        var order = await OrderAsync(unpaid);
        Assert.Equal("CANCELLED", order.Text("status"));
        var cancellation = order.GetProperty("statusHistory").EnumerateArray().Last();
        Assert.Equal(("PENDING_PAYMENT", "SYSTEM", OrderSweeper.PaymentTimeoutReason), (cancellation.Text("from"), cancellation.Text("actorRole"), cancellation.Text("reason")));
        Assert.Equal(default, again);
        var cancelled = Assert.Single(await app.EventsAsync(typeof(OrderCancelled), unpaid.OrderId));
        Assert.Equal(("PENDING_PAYMENT", "SYSTEM", "PAYMENT_TIMEOUT", "CANCELLED"), (cancelled.Text("fromStatus"), cancelled.GetProperty("actor").Text("role"),
            cancelled.GetProperty("actor").Text("reason"), cancelled.GetProperty("order").Text("status")));
        Assert.Equal("PENDING", (await OrderAsync(cashOnDelivery)).Text("status"));
    }

    [Fact]
    public async Task A_pending_order_its_shop_never_confirms_is_cancelled_after_three_days_with_the_reason_and_a_confirmed_one_is_not()
    {
        var unconfirmed = await app.PlaceOrderAsync("COD");
        var confirmed = await app.PlaceOrderAsync("COD");
        (await confirmed.Seller.Seller.MoveAsync("confirmOrder", confirmed.OrderId)).Succeeded();
        var sweeper = app.Service<OrderSweeper>();

        app.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        await sweeper.SweepOnceAsync(CancellationToken.None);
        var beforeDeadline = await OrderAsync(unconfirmed);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var due = await sweeper.SweepOnceAsync(CancellationToken.None);

        Assert.Equal("PENDING", beforeDeadline.Text("status"));
        Assert.True(due.UnconfirmedCancelled >= 1);
        var order = await OrderAsync(unconfirmed);
        Assert.Equal("CANCELLED", order.Text("status"));
        var cancellation = order.GetProperty("statusHistory").EnumerateArray().Last();
        Assert.Equal(("PENDING", "SYSTEM", OrderSweeper.ConfirmationTimeoutReason), (cancellation.Text("from"), cancellation.Text("actorRole"), cancellation.Text("reason")));
        var cancelled = Assert.Single(await app.EventsAsync(typeof(OrderCancelled), unconfirmed.OrderId));
        Assert.Equal(("PENDING", "SYSTEM", "CONFIRMATION_TIMEOUT"), (cancelled.Text("fromStatus"), cancelled.GetProperty("actor").Text("role"),
            cancelled.GetProperty("actor").Text("reason")));
        Assert.Equal("The shop did not confirm the order within 3 days; its items are back on sale and anything paid is refunded.",
            order.GetProperty("timeline").EnumerateArray().Last().Text("detail"));
        Assert.Equal("CONFIRMED", (await OrderAsync(confirmed)).Text("status"));
    }

    [Fact]
    public async Task A_delivered_order_completes_by_itself_when_the_return_window_closes()
    {
        var placed = await app.PlaceOrderAsync();
        var seller = placed.Seller.Seller;
        (await seller.MoveAsync("confirmOrder", placed.OrderId)).Succeeded();
        (await seller.MoveAsync("shipOrder", placed.OrderId)).Succeeded();
        (await seller.MoveAsync("markOrderDelivered", placed.OrderId)).Succeeded();
        var sweeper = app.Service<OrderSweeper>();

        app.Clock.Advance(TimeSpan.FromDays(6));
        var early = await sweeper.SweepOnceAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromDays(1));
        var due = await sweeper.SweepOnceAsync(CancellationToken.None);

        Assert.Equal(0, early.Completed);
        Assert.True(due.Completed >= 1);
        var order = await OrderAsync(placed);
        Assert.Equal("COMPLETED", order.Text("status"));
        Assert.Equal("SYSTEM", order.GetProperty("statusHistory").EnumerateArray().Last().Text("actorRole"));
        Assert.Equal("OrderCompleted", (await app.EventTypesAsync(placed.OrderId))[^1]);
    }

    [Fact]
    public async Task A_return_its_shop_leaves_unanswered_is_approved_after_three_days_once_and_an_answered_one_is_left_alone()
    {
        var unanswered = await app.DeliveredOrderAsync(2);
        var answered = await app.DeliveredOrderAsync(1);
        var returnId = (await unanswered.Buyer.RequestReturnAsync(unanswered.OrderId, lines: [(unanswered.LineIds[0], 1)]))
            .Succeeded().GetProperty("return").Id();
        (await answered.Buyer.RequestReturnAsync(answered.OrderId)).Succeeded();
        (await answered.Seller.RejectReturnAsync("Hàng không lỗi", orderId: answered.OrderId)).Succeeded();
        var sweeper = app.Service<OrderSweeper>();

        app.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        await sweeper.SweepOnceAsync(CancellationToken.None);
        var beforeDeadline = await unanswered.Buyer.ReturnsOfAsync(unanswered.OrderId);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var due = await sweeper.SweepOnceAsync(CancellationToken.None);
        var again = await sweeper.SweepOnceAsync(CancellationToken.None);

        Assert.Equal("REQUESTED", beforeDeadline.GetProperty("returns")[0].Text("status"));
        Assert.True(due.ReturnsApproved >= 1);
        Assert.Equal(0, again.ReturnsApproved);
        var order = await unanswered.Buyer.ReturnsOfAsync(unanswered.OrderId);
        Assert.Equal(("RETURNED", "APPROVED"), (order.Text("status"), order.GetProperty("returns")[0].Text("status")));
        Assert.Equal("The shop did not answer the return within 3 days, so it is approved. A shipper will fetch the parcel from the buyer; "
            + "110,000 VND is refunded once it reaches the shop", order.GetProperty("timeline").EnumerateArray().Last().Text("detail"));
        var approved = Assert.Single(await app.EventsAsync(typeof(ReturnApproved), unanswered.OrderId));
        Assert.Equal((returnId, "SYSTEM"), (approved.GetProperty("return").GetProperty("returnId").GetGuid(), approved.GetProperty("actor").Text("role")));
        Assert.Empty(await app.EventsAsync(typeof(ReturnApproved), answered.OrderId));
        Assert.Equal("COMPLETED", (await answered.Buyer.ReturnsOfAsync(answered.OrderId)).Text("status"));
    }

    [Fact]
    public async Task Many_due_orders_are_swept_in_batches_each_once_even_by_two_sweepers_at_a_time()
    {
        var orders = new List<PlacedOrder>();
        for (var i = 0; i < OrderSweeper.BatchSize + 5; i++)
            orders.Add(await app.PlaceOrderAsync("CARD"));
        var sweeper = app.Service<OrderSweeper>();

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var results = await Task.WhenAll(sweeper.SweepOnceAsync(CancellationToken.None), sweeper.SweepOnceAsync(CancellationToken.None));

        Assert.True(results.Sum(r => r.UnpaidCancelled) >= orders.Count);
        foreach (var order in orders)
            Assert.Single(await app.EventsAsync(typeof(OrderCancelled), order.OrderId));
    }

    private Task<System.Text.Json.JsonElement> OrderAsync(PlacedOrder placed) => app.Refreshed(placed.Buyer.Buyer).OrderAsync(placed.OrderId);
}

/// <summary>The same app, sweeping by itself every five seconds of its clock, as in production.</summary>
public sealed class SweepingOrderingApp() : OrderingApp(new Dictionary<string, string?> { ["Ordering:SweepInterval"] = "00:00:05" });

public sealed class BackgroundSweepTests(SweepingOrderingApp app) : IClassFixture<SweepingOrderingApp>
{
    [Fact]
    public async Task The_background_sweep_cancels_an_unpaid_order_when_its_clock_passes_the_deadline()
    {
        var unpaid = await app.PlaceOrderAsync("E_WALLET");

        app.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(5));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await app.EventsAsync(typeof(OrderCancelled), unpaid.OrderId)).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The background sweep did not cancel the unpaid order within 20 seconds.");
            app.Clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(100);
        }
        Assert.Equal("CANCELLED", (await app.Refreshed(unpaid.Buyer.Buyer).OrderAsync(unpaid.OrderId)).Text("status"));
    }
}
