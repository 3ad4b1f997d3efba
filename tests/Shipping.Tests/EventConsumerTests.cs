using GoShop.Contracts;
using GoShop.Contracts.Identity;
using GoShop.Contracts.Ordering;
using GoShop.Shipping.Domain;
using GoShop.Shipping.Tests.Support;
using GoShop.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shipping.Tests;

/// <summary>
/// Ordering's and identity's events, delivered through RabbitMQ: a confirmed order gets one shipment however often the
/// event arrives, a cancelled one cancels it before pickup only, a registered shipper starts OFFLINE.
/// </summary>
public sealed class EventConsumerTests(ShippingApp app) : IClassFixture<ShippingApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_confirmed_order_gets_one_shipment_however_often_the_event_arrives()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(shop.Offset(0.5));
        var (order, buyer, seller) = app.ConfirmedOrder(shop);
        var confirmed = new OrderConfirmed(order, new OrderActor("SELLER", seller.Id, null), app.Clock.GetUtcNow());
        var messageId = Guid.NewGuid();

        await PublishAsync(confirmed, messageId);
        var shipment = await Eventually.ReturnsAsync(() => ShipmentOfAsync(order.OrderId), s => s is not null, TimeSpan.FromSeconds(20));
        await PublishAsync(confirmed, messageId);
        var again = Guid.NewGuid();
        await PublishAsync(confirmed, again);
        await WaitForInboxAsync(again);

        Assert.NotNull(shipment);
        Assert.Equal(1, await app.InDatabaseAsync(db => db.Shipments.CountAsync(s => s.OrderId == order.OrderId)));
        Assert.Equal((order.Total, order.BuyerId, seller.Id, order.Number), (shipment.CodAmount, shipment.BuyerId, shipment.SellerId, shipment.OrderNumber));
        Assert.Equal((shop.Lat, shop.Lng), (shipment.PickupPosition.Lat, shipment.PickupPosition.Lng));
        Assert.Equal(order.DeliveryAddress.Latitude, shipment.DropoffPosition!.Lat);
        Assert.Equal(order.WeightGrams, shipment.WeightGrams);
        Assert.Equal(shipper.Id, await app.OfferedToAsync(shipment.Id));
        Assert.Equal(["ShipmentCreated", "ShipmentOffered"], await app.EventTypesAsync(shipment.Id));
        var order2 = await buyer.Client.SendAsync(Operations.ResolveEntities,
            new { representations = new[] { new Dictionary<string, object> { ["__typename"] = "Order", ["id"] = order.OrderId.ToString() } } });
        Assert.Equal(shipment.TrackingNumber, order2.EnsureNoErrors().Get("_entities.0.shipment.trackingNumber").GetString());
    }

    [Fact]
    public async Task A_prepaid_order_without_coordinates_is_located_from_its_address()
    {
        var shop = new GoShop.BuildingBlocks.Domain.GeoPoint(10.7769, 106.7009);
        var (order, _, seller) = app.ConfirmedOrder(shop, cod: false);
        order = order with { DeliveryAddress = order.DeliveryAddress with { Latitude = null, Longitude = null } };

        await PublishAsync(new OrderConfirmed(order, new OrderActor("SELLER", seller.Id, null), app.Clock.GetUtcNow()), Guid.NewGuid());
        var shipment = await Eventually.ReturnsAsync(() => ShipmentOfAsync(order.OrderId), s => s is not null, TimeSpan.FromSeconds(20));

        Assert.NotNull(shipment);
        Assert.Equal(0m, shipment.CodAmount);
        Assert.NotNull(shipment.DropoffPosition);
        // Quận 5, TP. Hồ Chí Minh: within a few km of the district's centre, never (0, 0).
        Assert.InRange(shipment.DropoffPosition.Lat, 10.70, 10.80);
        Assert.InRange(shipment.DropoffPosition.Lng, 106.62, 106.72);
        Assert.Contains("located from the address", shipment.Note);
    }

    [Fact]
    public async Task An_order_cancelled_before_pickup_cancels_its_shipment_and_frees_the_shipper()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(shop.Offset(0.5));
        var created = await app.ShipmentAsync(shop);
        (await shipper.AcceptAsync(created.ShipmentId)).Succeeded();

        await PublishAsync(Cancelled(created.Order), Guid.NewGuid());
        var cancelled = await Eventually.ReturnsAsync(() => app.ShipmentStateAsync(created.ShipmentId), s => s.Status == ShipmentStatus.Cancelled, TimeSpan.FromSeconds(20));

        Assert.Equal(ShipmentStatus.Cancelled, cancelled.Status);
        Assert.Equal(0, (await app.ShipperStateAsync(shipper.Id)).ActiveShipments);
        var history = await app.InDatabaseAsync(db => db.ShipmentHistory.Where(h => h.ShipmentId == created.ShipmentId).OrderBy(h => h.Sequence).ToListAsync());
        Assert.Equal((ShipmentActorRole.System, "Đổi ý"), (history[^1].ActorRole, history[^1].Reason));
    }

    [Fact]
    public async Task An_order_cancelled_after_pickup_leaves_the_shipment_to_its_shipper()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(shop.Offset(0.5));
        var created = await app.ShipmentAsync(shop);
        (await shipper.AcceptAsync(created.ShipmentId)).Succeeded();
        (await shipper.MoveAsync(created.ShipmentId, "PICKED_UP")).Succeeded();
        var waiting = await app.ShipmentAsync(ShippingAppExtensions.Somewhere());

        var late = Guid.NewGuid();
        await PublishAsync(Cancelled(created.Order), late);
        await PublishAsync(Cancelled(waiting.Order), Guid.NewGuid());
        await Eventually.HoldsAsync(async () => (await app.ShipmentStateAsync(waiting.ShipmentId)).Status == ShipmentStatus.Cancelled, "the waiting shipment to be cancelled");
        await WaitForInboxAsync(late);

        Assert.Equal(ShipmentStatus.PickedUp, (await app.ShipmentStateAsync(created.ShipmentId)).Status);
    }

    [Fact]
    public async Task A_cancellation_that_overtook_the_confirmation_means_no_shipment_is_ever_offered()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(shop.Offset(0.5));
        var (order, _, seller) = app.ConfirmedOrder(shop);
        var (unconfirmed, _, _) = app.ConfirmedOrder(shop);

        await PublishAsync(Cancelled(order), Guid.NewGuid());
        var beforeConfirmation = Guid.NewGuid();
        await PublishAsync(Cancelled(unconfirmed) with { FromStatus = "PENDING" }, beforeConfirmation);
        var tombstone = await Eventually.ReturnsAsync(() => ShipmentOfAsync(order.OrderId), s => s is not null, TimeSpan.FromSeconds(20));
        var late = Guid.NewGuid();
        await PublishAsync(new OrderConfirmed(order, new OrderActor("SELLER", seller.Id, null), app.Clock.GetUtcNow()), late);
        await WaitForInboxAsync(late);
        await WaitForInboxAsync(beforeConfirmation);

        Assert.Equal(ShipmentStatus.Cancelled, tombstone!.Status);
        Assert.Equal(ShipmentStatus.Cancelled, (await app.ShipmentStateAsync(tombstone.Id)).Status);
        Assert.Empty(await app.OffersAsync(tombstone.Id));
        Assert.Empty(await app.EventTypesAsync(tombstone.Id));
        Assert.Null(await ShipmentOfAsync(unconfirmed.OrderId));
        Assert.Equal(0, (await app.ShipperStateAsync(shipper.Id)).ActiveShipments);
    }

    [Fact]
    public async Task A_registered_shipper_starts_offline_with_the_capacity_of_the_vehicle()
    {
        var userId = Guid.CreateVersion7();
        var registered = new ShipperRegistered(userId, "Lê Văn Tám", "CAR", "30A-123.45", app.Clock.GetUtcNow());

        await PublishAsync(registered, Guid.NewGuid());
        var shipper = await Eventually.ReturnsAsync(() => app.InDatabaseAsync(db => db.Shippers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == userId)),
            s => s is not null, TimeSpan.FromSeconds(20));
        await PublishAsync(registered with { VehicleType = "VAN" }, Guid.NewGuid());
        var updated = await Eventually.ReturnsAsync(() => app.ShipperStateAsync(userId), s => s.VehicleType == VehicleType.Van, TimeSpan.FromSeconds(20));

        Assert.NotNull(shipper);
        Assert.Equal((VehicleType.Car, 6, ShipperStatus.Offline, "Lê Văn Tám"), (shipper.VehicleType, shipper.Capacity, shipper.Status, shipper.FullName));
        Assert.Equal(15, updated.Capacity);
    }

    private static OrderCancelled Cancelled(OrderSnapshot order) =>
        new(order with { Status = "CANCELLED" }, new OrderActor("BUYER", order.BuyerId, "Đổi ý"), "CONFIRMED", DateTimeOffset.UtcNow);

    private Task<Shipment?> ShipmentOfAsync(Guid orderId) =>
        app.InDatabaseAsync(db => db.Shipments.AsNoTracking().SingleOrDefaultAsync(s => s.OrderId == orderId));

    private async Task PublishAsync<T>(T message, Guid messageId) where T : class, IIntegrationEvent =>
        await app.Service<IBus>().Publish(message, context => context.MessageId = messageId);

    /// <summary>Waits until a message was handled (its id is in the inbox), and a moment for anything published before it.</summary>
    private async Task WaitForInboxAsync(Guid messageId)
    {
        await Eventually.HoldsAsync(() => app.InDatabaseAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == messageId)), $"message {messageId} to be handled");
        await Task.Delay(300);
    }
}
