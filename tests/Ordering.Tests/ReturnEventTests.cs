using System.Text.Json;
using GoShop.Contracts.Ordering;
using GoShop.Contracts.Payments;
using GoShop.Contracts.Shipping;
using GoShop.Ordering.Tests.Support;
using GoShop.Testing;
using MassTransit;

namespace GoShop.Ordering.Tests;

/// <summary>
/// The parcel of an approved return travels as a RETURN shipment: its events move the return (never the order's
/// delivery), its arrival asks for the refund, and the refund settles the return and its order. Replays change nothing.
/// </summary>
public sealed class ReturnEventTests(OrderingApp app) : IClassFixture<OrderingApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_return_shipment_moves_the_return_and_not_the_order_and_its_arrival_asks_for_the_refund()
    {
        var (delivered, returnId) = await ApprovedAsync(2, lines: [(0, 1)]);
        var shipperId = Guid.NewGuid();
        var shipment = ReturnShipment(delivered, returnId);

        await app.PublishAndWaitAsync(new ShipmentCreated(shipment, app.Clock.GetUtcNow()));
        await app.PublishAndWaitAsync(new ShipmentAssigned(shipment with { Status = "ASSIGNED", ShipperId = shipperId }, shipperId, app.Clock.GetUtcNow()));
        var pickedUp = new ShipmentPickedUp(shipment with { Status = "PICKED_UP", ShipperId = shipperId }, shipperId, app.Clock.GetUtcNow());
        await app.PublishAndWaitAsync(pickedUp);
        var inTransit = await ReturnAsync(delivered);
        await app.PublishAndWaitAsync(pickedUp);
        await app.PublishAndWaitAsync(new ShipmentFailed(shipment with { Status = "FAILED_DELIVERY" }, shipperId, "Shop đóng cửa", false, app.Clock.GetUtcNow()));
        var arrived = new ShipmentDelivered(shipment with { Status = "DELIVERED" }, shipperId, "Chủ shop", null, app.Clock.GetUtcNow());
        await app.PublishAndWaitAsync(arrived);
        await app.PublishAndWaitAsync(arrived with { OccurredAt = app.Clock.GetUtcNow().AddMinutes(1) });

        Assert.Equal("IN_TRANSIT", inTransit.Text("status"));
        var order = await delivered.Buyer.ReturnsOfAsync(delivered.OrderId);
        var @return = Assert.Single(order.GetProperty("returns").EnumerateArray());
        Assert.Equal(("RETURNED", "RECEIVED", shipment.ShipmentId), (order.Text("status"), @return.Text("status"), @return.GetProperty("shipment").Id()));
        Assert.NotEqual(JsonValueKind.Null, @return.GetProperty("pickedUpAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, @return.GetProperty("receivedAt").ValueKind);
        Assert.Equal(["SHIPMENT_UPDATE", "SHIPMENT_UPDATE", "RETURN_PICKED_UP", "SHIPMENT_UPDATE", "RETURN_RECEIVED"],
            order.GetProperty("timeline").EnumerateArray().Select(t => t.Text("kind")).TakeLast(5));
        Assert.Equal("Shop đóng cửa", order.GetProperty("timeline").EnumerateArray().Reverse().ElementAt(1).Text("detail"));

        Assert.Equal(["OrderDelivered", "ReturnRequested", "ReturnApproved", "ReturnReceived"], (await app.EventTypesAsync(delivered.OrderId))[^4..]);
        var received = Assert.Single(await app.EventsAsync(typeof(ReturnReceived), delivered.OrderId)).GetProperty("return");
        Assert.Equal((returnId, "RECEIVED", 110_000m), (received.GetProperty("returnId").GetGuid(), received.Text("status"), received.GetProperty("refundAmount").GetDecimal()));
        Assert.Equal((delivered.Products[0].ProductId, 1), (received.GetProperty("lines")[0].GetProperty("productId").GetGuid(), received.GetProperty("lines")[0].GetProperty("quantity").GetInt32()));
    }

    [Fact]
    public async Task The_refund_of_part_of_the_order_completes_it_once()
    {
        var (delivered, returnId) = await ApprovedAsync(2, lines: [(0, 1)]);
        await ReceiveAsync(delivered, returnId);

        var refund = new RefundCompleted(Guid.NewGuid(), Guid.NewGuid(), delivered.OrderId, 110_000m, "VND", app.Clock.GetUtcNow(), returnId);
        await app.PublishAndWaitAsync(refund);
        await app.PublishAndWaitAsync(refund with { RefundId = Guid.NewGuid() });

        var order = await delivered.Buyer.ReturnsOfAsync(delivered.OrderId);
        Assert.Equal(("COMPLETED", "REFUNDED"), (order.Text("status"), order.GetProperty("returns")[0].Text("status")));
        Assert.NotEqual(JsonValueKind.Null, order.GetProperty("returns")[0].GetProperty("refundedAt").ValueKind);
        var timeline = order.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(("REFUNDED", "110,000 VND refunded"), (timeline[^2].Text("kind"), timeline[^2].Text("detail")));
        Assert.Equal("COMPLETED", timeline[^1].Text("kind"));
        Assert.Equal(["ReturnReceived", "OrderCompleted"], (await app.EventTypesAsync(delivered.OrderId))[^2..]);
        var completed = Assert.Single(await app.EventsAsync(typeof(OrderCompleted), delivered.OrderId));
        Assert.Equal(("COMPLETED", "SYSTEM"), (completed.GetProperty("order").Text("status"), completed.GetProperty("actor").Text("role")));
    }

    [Fact]
    public async Task The_refund_of_the_whole_order_makes_it_refunded()
    {
        var (delivered, returnId) = await ApprovedAsync(1);
        await ReceiveAsync(delivered, returnId);
        var total = (await delivered.Buyer.ReturnsOfAsync(delivered.OrderId)).GetProperty("fees").GetProperty("total").Amount();

        await app.PublishAndWaitAsync(new RefundCompleted(Guid.NewGuid(), Guid.NewGuid(), delivered.OrderId, total, "VND", app.Clock.GetUtcNow(), returnId));

        var order = await delivered.Buyer.ReturnsOfAsync(delivered.OrderId);
        Assert.Equal(("REFUNDED", "REFUNDED"), (order.Text("status"), order.GetProperty("returns")[0].Text("status")));
        var entry = order.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal(("REFUNDED", $"{total:#,0} VND refunded"), (entry.Text("kind"), entry.Text("detail")));
        Assert.Equal("ReturnReceived", (await app.EventTypesAsync(delivered.OrderId))[^1]);
    }

    [Fact]
    public async Task Events_of_another_return_or_a_refund_before_the_parcel_arrived_change_nothing()
    {
        var (delivered, returnId) = await ApprovedAsync(1);
        var stranger = ReturnShipment(delivered, Guid.NewGuid());

        await app.PublishAndWaitAsync(new ShipmentPickedUp(stranger with { Status = "PICKED_UP" }, Guid.NewGuid(), app.Clock.GetUtcNow()));
        await app.PublishAndWaitAsync(new RefundCompleted(Guid.NewGuid(), Guid.NewGuid(), delivered.OrderId, 1m, "VND", app.Clock.GetUtcNow(), returnId));

        var order = await delivered.Buyer.ReturnsOfAsync(delivered.OrderId);
        Assert.Equal(("RETURNED", "APPROVED"), (order.Text("status"), order.GetProperty("returns")[0].Text("status")));
        Assert.Equal("RETURN_APPROVED", order.GetProperty("timeline").EnumerateArray().Last().Text("kind"));
    }

    [Fact]
    public async Task A_return_parcel_sent_back_is_news_on_the_timeline_and_moves_nothing()
    {
        var (delivered, returnId) = await ApprovedAsync(1);
        var shipment = ReturnShipment(delivered, returnId);
        var shipperId = Guid.NewGuid();
        await app.PublishAndWaitAsync(new ShipmentPickedUp(shipment with { Status = "PICKED_UP" }, shipperId, app.Clock.GetUtcNow()));

        await app.PublishAndWaitAsync(new ShipmentFailed(shipment with { Status = "RETURNED_TO_SHOP" }, shipperId, "Shop từ chối nhận", true, app.Clock.GetUtcNow()));

        var order = await delivered.Buyer.ReturnsOfAsync(delivered.OrderId);
        Assert.Equal(("RETURNED", "IN_TRANSIT"), (order.Text("status"), order.GetProperty("returns")[0].Text("status")));
        var entry = order.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal(("SHIPMENT_UPDATE", "The return parcel could not be delivered to the shop", "Shop từ chối nhận"),
            (entry.Text("kind"), entry.Text("title"), entry.Text("detail")));
        Assert.Equal("ReturnApproved", (await app.EventTypesAsync(delivered.OrderId))[^1]);
    }

    private async Task ReceiveAsync(DeliveredOrder delivered, Guid returnId)
    {
        var shipment = ReturnShipment(delivered, returnId);
        var shipperId = Guid.NewGuid();
        await app.PublishAndWaitAsync(new ShipmentPickedUp(shipment with { Status = "PICKED_UP" }, shipperId, app.Clock.GetUtcNow()));
        await app.PublishAndWaitAsync(new ShipmentDelivered(shipment with { Status = "DELIVERED" }, shipperId, null, null, app.Clock.GetUtcNow()));
    }

    /// <summary>A delivered order of one product per quantity, whose return (of the given line indexes and units, or all) the seller approved.</summary>
    private async Task<(DeliveredOrder Delivered, Guid ReturnId)> ApprovedAsync(int quantity, IEnumerable<(int Line, int Quantity)>? lines = null)
    {
        var delivered = await app.DeliveredOrderAsync(quantity);
        var returnId = (await delivered.Buyer.RequestReturnAsync(delivered.OrderId, lines: lines?.Select(l => (delivered.LineIds[l.Line], l.Quantity))))
            .Succeeded().GetProperty("return").Id();
        (await delivered.Seller.ApproveReturnAsync(returnId: returnId)).Succeeded();
        return (delivered, returnId);
    }

    private static ShipmentSnapshot ReturnShipment(DeliveredOrder delivered, Guid returnId) =>
        new(Guid.NewGuid(), delivered.OrderId, delivered.Placed.Seller.ShopId, delivered.Buyer.Id, "GSXRETURN1", "AWAITING_ASSIGNMENT", null, 0m, "VND",
            ShipmentKinds.Return, returnId);

    private async Task<JsonElement> ReturnAsync(DeliveredOrder delivered) =>
        (await delivered.Buyer.ReturnsOfAsync(delivered.OrderId)).GetProperty("returns")[0];
}
