using System.Text.Json;
using GoShop.Contracts;
using GoShop.Contracts.Ordering;
using GoShop.Contracts.Payments;
using GoShop.Contracts.Shipping;
using GoShop.Ordering.Tests.Support;
using GoShop.Testing;
using MassTransit;

namespace GoShop.Ordering.Tests;

/// <summary>
/// The events of payments and shipping move orders, delivered through RabbitMQ: each at most once (a redelivery is
/// dropped by the inbox), and an event about an order already past that point changes nothing.
/// </summary>
public sealed class EventConsumerTests(OrderingApp app) : IClassFixture<OrderingApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_successful_payment_moves_the_order_to_pending_once_however_often_it_arrives()
    {
        var placed = await app.PlaceOrderAsync("CARD");
        var paid = new PaymentSucceeded(Guid.NewGuid(), placed.CheckoutId, [placed.OrderId], 110_000m, "VND", "CARD", "STRIPE", app.Clock.GetUtcNow());
        var messageId = Guid.NewGuid();

        await PublishAsync(paid, messageId);
        await Eventually.HoldsAsync(async () => (await OrderAsync(placed)).Text("status") == "PENDING", "the payment to move the order");
        await PublishAsync(paid, messageId);
        await PublishAndWaitAsync(paid with { PaymentId = Guid.NewGuid() });

        var order = await OrderAsync(placed);
        var history = order.GetProperty("statusHistory").EnumerateArray().ToList();
        Assert.Equal(["PENDING_PAYMENT", "PENDING"], history.Select(h => h.Text("to")));
        Assert.Equal(("SYSTEM", JsonValueKind.Null), (history[1].Text("actorRole"), history[1].GetProperty("actor").ValueKind));
        Assert.Equal(["PLACED", "PAYMENT_RECEIVED"], order.GetProperty("timeline").EnumerateArray().Select(t => t.Text("kind")));
        Assert.Equal(["OrderPlaced"], await app.EventTypesAsync(placed.OrderId));
    }

    [Fact]
    public async Task A_failed_payment_cancels_the_order_and_a_late_success_changes_nothing()
    {
        var placed = await app.PlaceOrderAsync("E_WALLET");
        var paidOther = await app.PlaceOrderAsync("E_WALLET");
        await PublishAndWaitAsync(new PaymentSucceeded(Guid.NewGuid(), null, [paidOther.OrderId], 1m, "VND", "E_WALLET", "MOMO", app.Clock.GetUtcNow()));

        await PublishAndWaitAsync(new PaymentFailed(Guid.NewGuid(), placed.CheckoutId, [placed.OrderId, paidOther.OrderId], "DECLINED", app.Clock.GetUtcNow()));
        await PublishAndWaitAsync(new PaymentSucceeded(Guid.NewGuid(), null, [placed.OrderId], 1m, "VND", "E_WALLET", "MOMO", app.Clock.GetUtcNow()));

        var order = await OrderAsync(placed);
        Assert.Equal("CANCELLED", order.Text("status"));
        Assert.Equal("PAYMENT_FAILED", order.GetProperty("statusHistory").EnumerateArray().Last().Text("reason"));
        var cancelled = Assert.Single(await app.EventsAsync(typeof(OrderCancelled), placed.OrderId));
        Assert.Equal(("SYSTEM", "PAYMENT_FAILED"), (cancelled.GetProperty("actor").Text("role"), cancelled.GetProperty("actor").Text("reason")));
        Assert.Equal("PENDING", (await OrderAsync(paidOther)).Text("status"));
    }

    [Fact]
    public async Task The_shipment_moves_a_confirmed_order_to_shipped_and_delivered_and_its_other_news_goes_on_the_timeline()
    {
        var placed = await ConfirmedAsync();
        var shipperId = Guid.NewGuid();
        var shipment = Shipment(placed, "GS-TRACK-1");

        await PublishAndWaitAsync(new ShipmentCreated(shipment, app.Clock.GetUtcNow()));
        await PublishAndWaitAsync(new ShipmentAssigned(shipment with { Status = "ASSIGNED", ShipperId = shipperId }, shipperId, app.Clock.GetUtcNow()));
        var pickedUp = new ShipmentPickedUp(shipment with { Status = "PICKED_UP", ShipperId = shipperId }, shipperId, app.Clock.GetUtcNow());
        await PublishAndWaitAsync(pickedUp);
        await PublishAndWaitAsync(pickedUp);
        await PublishAndWaitAsync(new ShipmentFailed(shipment with { Status = "FAILED_DELIVERY" }, shipperId, "Không có ai ở nhà", false, app.Clock.GetUtcNow()));
        await PublishAndWaitAsync(new ShipmentDelivered(shipment with { Status = "DELIVERED" }, shipperId, "Nguyễn Văn A", null, app.Clock.GetUtcNow()));

        var order = await OrderAsync(placed);
        Assert.Equal(("DELIVERED", "GS-TRACK-1"), (order.Text("status"), order.Text("trackingNumber")));
        Assert.NotEqual(JsonValueKind.Null, order.GetProperty("returnDeadline").ValueKind);
        var history = order.GetProperty("statusHistory").EnumerateArray().ToList();
        Assert.Equal(["PENDING", "CONFIRMED", "SHIPPED", "DELIVERED"], history.Select(h => h.Text("to")));
        Assert.All(history[2..], h => Assert.Equal(("SHIPPER", shipperId), (h.Text("actorRole"), h.GetProperty("actor").Id())));
        Assert.Equal(["PLACED", "CONFIRMED", "SHIPMENT_UPDATE", "SHIPMENT_UPDATE", "SHIPPED", "SHIPMENT_UPDATE", "DELIVERED"],
            order.GetProperty("timeline").EnumerateArray().Select(t => t.Text("kind")));
        Assert.Equal("Không có ai ở nhà", order.GetProperty("timeline")[5].Text("detail"));
        Assert.Equal(["OrderPlaced", "OrderConfirmed", "OrderShipped", "OrderDelivered"], await app.EventTypesAsync(placed.OrderId));
    }

    [Fact]
    public async Task A_delivery_that_overtook_its_pick_up_ships_the_order_first()
    {
        var placed = await ConfirmedAsync();
        var shipment = Shipment(placed, "T-2");
        var shipperId = Guid.NewGuid();

        await PublishAndWaitAsync(new ShipmentDelivered(shipment with { Status = "DELIVERED" }, shipperId, null, Guid.NewGuid(), app.Clock.GetUtcNow()));
        await PublishAndWaitAsync(new ShipmentPickedUp(shipment with { Status = "PICKED_UP" }, shipperId, app.Clock.GetUtcNow()));

        var order = await OrderAsync(placed);
        Assert.Equal("DELIVERED", order.Text("status"));
        Assert.Equal(["PENDING", "CONFIRMED", "SHIPPED", "DELIVERED"], order.GetProperty("statusHistory").EnumerateArray().Select(h => h.Text("to")));
        Assert.Equal(["OrderPlaced", "OrderConfirmed", "OrderShipped", "OrderDelivered"], await app.EventTypesAsync(placed.OrderId));
    }

    [Fact]
    public async Task A_completed_refund_settles_a_returned_order_and_is_only_news_for_a_cancelled_one()
    {
        var returned = await ConfirmedAsync();
        var seller = returned.Seller.Seller;
        (await seller.MoveAsync("shipOrder", returned.OrderId)).Succeeded();
        (await seller.MoveAsync("markOrderDelivered", returned.OrderId)).Succeeded();
        (await returned.Buyer.Buyer.MoveAsync("requestReturn", returned.OrderId, ("reason", "Sai màu"))).Succeeded();
        (await seller.MoveAsync("approveReturn", returned.OrderId)).Succeeded();
        var cancelled = await app.PlaceOrderAsync();
        (await cancelled.Buyer.Buyer.MoveAsync("cancelOrder", cancelled.OrderId, ("reason", ""))).Succeeded();

        var refund = new RefundCompleted(Guid.NewGuid(), Guid.NewGuid(), returned.OrderId, 110_000m, "VND", app.Clock.GetUtcNow());
        await PublishAndWaitAsync(refund);
        await PublishAndWaitAsync(refund with { RefundId = Guid.NewGuid() });
        await PublishAndWaitAsync(refund with { RefundId = Guid.NewGuid(), OrderId = cancelled.OrderId, Amount = 1_234_000m });

        var refunded = await OrderAsync(returned);
        Assert.Equal("REFUNDED", refunded.Text("status"));
        Assert.Single(refunded.GetProperty("statusHistory").EnumerateArray(), h => h.Text("to") == "REFUNDED");
        var news = await OrderAsync(cancelled);
        Assert.Equal("CANCELLED", news.Text("status"));
        var entry = news.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal(("REFUNDED", "1,234,000 VND refunded"), (entry.Text("kind"), entry.Text("detail")));
    }

    private async Task<PlacedOrder> ConfirmedAsync()
    {
        var placed = await app.PlaceOrderAsync();
        (await placed.Seller.Seller.MoveAsync("confirmOrder", placed.OrderId)).Succeeded();
        return placed;
    }

    private static ShipmentSnapshot Shipment(PlacedOrder placed, string trackingNumber) =>
        new(Guid.NewGuid(), placed.OrderId, placed.Seller.ShopId, placed.Buyer.Id, trackingNumber, "AWAITING_ASSIGNMENT", null, 0m, "VND");

    private Task<JsonElement> OrderAsync(PlacedOrder placed) => app.Refreshed(placed.Buyer.Buyer).OrderAsync(placed.OrderId);

    private Task PublishAsync(IIntegrationEvent message, Guid messageId) => app.PublishAsync(message, messageId);

    private Task PublishAndWaitAsync(IIntegrationEvent message) => app.PublishAndWaitAsync(message);
}
