using GoShop.Contracts;
using GoShop.Contracts.Ordering;
using GoShop.Contracts.Shipping;
using GoShop.Contracts.Shops;
using GoShop.Shipping.Domain;
using GoShop.Shipping.Labels;
using GoShop.Shipping.Tests.Support;
using GoShop.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shipping.Tests;

/// <summary>
/// Returns by line: an approved return gets one shipment from the buyer back to the shop, moved and tracked like a
/// delivery, whose events say RETURN; the order's delivery stays the one Order.shipment answers.
/// </summary>
public sealed class ReturnShipmentTests(ShippingApp app) : IClassFixture<ShippingApp>, IAsyncLifetime
{
    private const string OrderShipments = """
        query($representations: [_Any!]!) {
          _entities(representations: $representations) {
            ... on Order { id shipment { id kind returnId } returnShipments { id kind returnId status pickupAddress codAmount { amount } } }
          }
        }
        """;

    private const string ReturnTracking = """
        subscription($orderId: ID!, $shipmentId: ID) { shipmentTracking(orderId: $orderId, shipmentId: $shipmentId) { shipmentId orderId status kind location { lat lng } } }
        """;

    public Task InitializeAsync() => app.Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_approved_return_gets_one_shipment_from_the_buyer_to_the_shop_however_often_the_event_arrives()
    {
        var shop = ShippingAppExtensions.Somewhere();
        // Out of the shop's reach: only a pickup at the buyer's brings this shipper an offer.
        var buyerHome = shop.Offset(ShippingApp.RadiusKm + 4, 0);
        var shipperNearBuyer = await app.ShipperAsync(buyerHome.Offset(0.3));
        var delivery = await app.ShipmentAsync(shop, dropoff: buyerHome);
        var returned = ReturnOf(delivery.Order);
        var approved = Approved(delivery.Order, returned);

        await PublishAsync(approved, Guid.NewGuid());
        var shipment = await Eventually.ReturnsAsync(() => ReturnShipmentAsync(returned.ReturnId), s => s is not null, TimeSpan.FromSeconds(20));
        var again = Guid.NewGuid();
        await PublishAsync(approved, again);
        await WaitForInboxAsync(again);

        Assert.NotNull(shipment);
        Assert.Equal(1, await app.InDatabaseAsync(db => db.Shipments.CountAsync(s => s.ReturnId == returned.ReturnId)));
        Assert.Equal((ShipmentKind.Return, delivery.Order.OrderId, 0m, returned.WeightGrams), (shipment.Kind, shipment.OrderId, shipment.CodAmount, shipment.WeightGrams));
        Assert.Equal((buyerHome.Lat, buyerHome.Lng), (shipment.PickupPosition.Lat, shipment.PickupPosition.Lng));
        Assert.Equal((shop.Lat, shop.Lng), (shipment.DropoffPosition!.Lat, shipment.DropoffPosition.Lng));
        Assert.Contains("12 Nguyễn Trãi", shipment.PickupAddress);
        Assert.Equal(shipperNearBuyer.Id, await app.OfferedToAsync(shipment.Id));
        var created = Assert.Single(await app.EventsAsync(typeof(ShipmentCreated), shipment.Id));
        Assert.Equal((ShipmentKinds.Return, returned.ReturnId), (created.Get("shipment.kind").GetString(), created.Get("shipment.returnId").GetGuid()));
        Assert.Equal(ShipmentKind.Delivery, (await app.ShipmentStateAsync(delivery.ShipmentId)).Kind);
    }

    [Fact]
    public async Task A_legacy_approval_without_a_return_creates_no_shipment()
    {
        var delivery = await app.ShipmentAsync(ShippingAppExtensions.Somewhere());
        var legacy = Guid.NewGuid();

        await PublishAsync(new ReturnApproved(delivery.Order, new OrderActor("SELLER", delivery.Seller.Id, null), app.Clock.GetUtcNow()), legacy);
        await WaitForInboxAsync(legacy);

        Assert.Equal(1, await app.InDatabaseAsync(db => db.Shipments.CountAsync(s => s.OrderId == delivery.Order.OrderId)));
    }

    [Fact]
    public async Task A_return_shipment_is_picked_up_and_delivered_like_a_delivery_and_its_events_say_RETURN()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var buyerHome = shop.Offset(ShippingApp.RadiusKm + 4, 0);
        var shipper = await app.ShipperAsync(buyerHome.Offset(0.3));
        var delivery = await app.ShipmentAsync(shop, dropoff: buyerHome);
        var returned = ReturnOf(delivery.Order);
        var shipment = await app.CreateReturnAsync(delivery.Order, returned);

        (await shipper.AcceptAsync(shipment.Id)).Succeeded();
        (await shipper.MoveAsync(shipment.Id, "PICKED_UP")).Succeeded();
        (await shipper.MoveAsync(shipment.Id, "IN_TRANSIT")).Succeeded();
        var delivered = await shipper.MoveAsync(shipment.Id, "DELIVERED", new { recipientName = "Kho cửa hàng", codCollected = 0m });

        delivered.Succeeded();
        Assert.Equal(["ShipmentCreated", "ShipmentOffered", "ShipmentAssigned", "ShipmentPickedUp", "ShipmentDelivered"], await app.EventTypesAsync(shipment.Id));
        foreach (var type in new[] { typeof(ShipmentPickedUp), typeof(ShipmentDelivered) })
        {
            var published = Assert.Single(await app.EventsAsync(type, shipment.Id));
            Assert.Equal((ShipmentKinds.Return, returned.ReturnId, delivery.Order.OrderId),
                (published.Get("shipment.kind").GetString(), published.Get("shipment.returnId").GetGuid(), published.Get("shipment.orderId").GetGuid()));
        }
        Assert.Equal(ShipmentStatus.AwaitingAssignment, (await app.ShipmentStateAsync(delivery.ShipmentId)).Status);
        Assert.Equal(0, (await app.ShipperStateAsync(shipper.Id)).ActiveShipments);
    }

    [Fact]
    public async Task The_order_answers_its_delivery_as_shipment_and_its_returns_as_returnShipments()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var delivery = await app.ShipmentAsync(shop);
        var returned = ReturnOf(delivery.Order);
        var shipment = await app.CreateReturnAsync(delivery.Order, returned);
        var representations = new[] { new Dictionary<string, object> { ["__typename"] = "Order", ["id"] = delivery.Order.OrderId.ToString() } };

        var asBuyer = (await delivery.Buyer.Client.SendAsync(OrderShipments, new { representations })).EnsureNoErrors();
        var asStranger = (await app.SignIn().Client.SendAsync(OrderShipments, new { representations })).EnsureNoErrors();

        Assert.Equal((delivery.ShipmentId, "DELIVERY"), (asBuyer.Get("_entities.0.shipment.id").GetGuid(), asBuyer.Get("_entities.0.shipment.kind").GetString()));
        var listed = Assert.Single(asBuyer.Get("_entities.0.returnShipments").EnumerateArray());
        Assert.Equal((shipment.Id, "RETURN", returned.ReturnId, "AWAITING_ASSIGNMENT", 0m),
            (listed.Id(), listed.Text("kind"), listed.GetProperty("returnId").GetGuid(), listed.Text("status"), listed.Get("codAmount.amount").GetDecimal()));
        Assert.Contains("Quận 5", listed.Text("pickupAddress"));
        Assert.Empty(asStranger.Get("_entities.0.returnShipments").EnumerateArray());
    }

    [Fact]
    public async Task A_cancelled_order_cancels_its_delivery_only()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var delivery = await app.ShipmentAsync(shop);
        var shipment = await app.CreateReturnAsync(delivery.Order, ReturnOf(delivery.Order));
        var cancelled = Guid.NewGuid();

        await PublishAsync(new OrderCancelled(delivery.Order with { Status = "CANCELLED" }, TestOrders.System("TEST"), "CONFIRMED", app.Clock.GetUtcNow()), cancelled);
        await Eventually.HoldsAsync(async () => (await app.ShipmentStateAsync(delivery.ShipmentId)).Status == ShipmentStatus.Cancelled, "the delivery to be cancelled");

        Assert.Equal(ShipmentStatus.AwaitingAssignment, (await app.ShipmentStateAsync(shipment.Id)).Status);
    }

    [Fact]
    public async Task A_return_shipment_is_followed_live_by_its_id_and_only_by_who_may_see_it()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var delivery = await app.ShipmentAsync(shop);
        var shipper = await app.ShipperAsync(shop.Offset(2.2, 1));
        var shipment = await app.CreateReturnAsync(delivery.Order, ReturnOf(delivery.Order));
        var variables = new { orderId = delivery.Order.OrderId, shipmentId = shipment.Id };

        await using (var stream = await TrackingStream.OpenAsync(app, delivery.Seller.Client.AccessToken, ReturnTracking, variables))
        {
            var first = await stream.NextAsync("shipmentTracking");
            (await shipper.AcceptAsync(shipment.Id)).Succeeded();
            var assigned = await stream.NextAsync("shipmentTracking");
            app.Clock.Advance(TimeSpan.FromMinutes(2));
            (await shipper.ReportAsync(shop.Offset(2, 1))).Succeeded();
            var located = await stream.NextAsync("shipmentTracking");

            Assert.Equal((shipment.Id, "RETURN", "AWAITING_ASSIGNMENT"), (first.GetProperty("shipmentId").GetGuid(), first.Text("kind"), first.Text("status")));
            Assert.Equal((shipment.Id, "ASSIGNED"), (assigned.GetProperty("shipmentId").GetGuid(), assigned.Text("status")));
            Assert.Equal(shipment.Id, located.GetProperty("shipmentId").GetGuid());
            Assert.Equal(shop.Offset(2, 1).Lat, located.Get("location.lat").GetDouble(), 9);
        }
        await using (var stream = await TrackingStream.OpenAsync(app, delivery.Buyer.Client.AccessToken, ReturnTracking, new { orderId = delivery.Order.OrderId }))
        {
            var first = await stream.NextAsync("shipmentTracking");
            Assert.Equal((delivery.ShipmentId, "DELIVERY"), (first.GetProperty("shipmentId").GetGuid(), first.Text("kind")));
        }
        await using (var stranger = await TrackingStream.OpenAsync(app, app.SignIn().Client.AccessToken, ReturnTracking, variables))
            Assert.Equal("FORBIDDEN", await stranger.RefusalAsync());
        await using (var elsewhere = await TrackingStream.OpenAsync(app, delivery.Buyer.Client.AccessToken, ReturnTracking,
                         new { orderId = Guid.CreateVersion7(), shipmentId = shipment.Id }))
            Assert.Equal("NOT_FOUND", await elsewhere.RefusalAsync());
    }

    [Fact]
    public async Task A_return_label_is_sent_by_the_buyer_from_the_pickup_address_to_the_shop_with_no_cash_to_collect()
    {
        var delivery = await app.ShipmentAsync(ShippingAppExtensions.Somewhere());
        var shipment = await app.CreateReturnAsync(delivery.Order, ReturnOf(delivery.Order));
        var shop = new ShopSnapshot(delivery.Order.ShopId, delivery.Seller.Id, "Tiệm Giày Sài Gòn", "tiem-giay", "ACTIVE", delivery.Order.ShopLatitude,
            delivery.Order.ShopLongitude, "1 Lê Lợi, Quận 1, TP. Hồ Chí Minh", []);

        var label = ShippingLabels.ContentOf(await app.ShipmentStateAsync(shipment.Id), shop, app.Clock.GetUtcNow());

        var address = delivery.Order.DeliveryAddress;
        Assert.Equal(($"{address.RecipientName} · {address.Phone}", shop.Name, shop.Address, 0m),
            (label.FromName, label.ToName, label.ToAddress, label.CodAmount));
        Assert.StartsWith(address.Line1, label.FromAddress);
        Assert.Equal(shipment.TrackingNumber, label.TrackingNumber);
    }

    /// <summary>One unit of the order's first line going back, picked up where the order was delivered.</summary>
    private static ReturnSnapshot ReturnOf(OrderSnapshot order)
    {
        var line = order.Lines[0];
        var returnLine = new ReturnLineSnapshot(Guid.CreateVersion7(), line.ProductId, line.VariantId, line.Title, line.VariantTitle, 1, line.UnitPrice,
            line.WeightGrams / line.Quantity);
        return new ReturnSnapshot(Guid.CreateVersion7(), order.OrderId, order.BuyerId, order.ShopId, order.SellerId, "APPROVED", "Hàng lỗi",
            [returnLine], line.UnitPrice, order.Currency, false, returnLine.WeightGrams, order.DeliveryAddress, order.ShopLatitude, order.ShopLongitude,
            DateTimeOffset.UtcNow);
    }

    private ReturnApproved Approved(OrderSnapshot order, ReturnSnapshot returned) =>
        new(order with { Status = "RETURN_REQUESTED" }, new OrderActor("SELLER", order.SellerId, null), app.Clock.GetUtcNow(), returned);

    private Task<Shipment?> ReturnShipmentAsync(Guid returnId) =>
        app.InDatabaseAsync(db => db.Shipments.AsNoTracking().SingleOrDefaultAsync(s => s.ReturnId == returnId));

    private async Task PublishAsync<T>(T message, Guid messageId) where T : class, IIntegrationEvent =>
        await app.Service<IBus>().Publish(message, context => context.MessageId = messageId);

    private async Task WaitForInboxAsync(Guid messageId)
    {
        await Eventually.HoldsAsync(() => app.InDatabaseAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == messageId)), $"message {messageId} to be handled");
        await Task.Delay(300);
    }
}
