using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts;
using GoShop.Contracts.Shipping;
using GoShop.Notifications.Data;
using GoShop.Notifications.Domain;
using GoShop.Notifications.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GoShop.Notifications.Events;

/// <summary>
/// Shipping's events: the buyer follows the delivery of their order (a return shipment's moves are the shop's business,
/// and tell the buyer nothing here); a shipper hears of the shipments offered to them.
/// </summary>
public abstract class DeliveryEventHandler<TEvent>(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger logger)
    : IntegrationEventHandler<TEvent, NotificationsDbContext>(db, clock, logger)
    where TEvent : class, IIntegrationEvent
{
    protected async Task TellBuyerAsync(ShipmentSnapshot shipment, NotificationKind kind, string eventName, DateTimeOffset occurredAt,
        CancellationToken cancellationToken, string? reason = null)
    {
        if (shipment.IsReturn)
            return;
        var number = await Db.OrderParties.AsNoTracking().Where(o => o.OrderId == shipment.OrderId).Select(o => o.Number).FirstOrDefaultAsync(cancellationToken);
        await inbox.NotifyAsync(new NotificationRequest(shipment.BuyerId, kind, new Dictionary<string, object?>
        {
            ["order_number"] = number ?? shipment.TrackingNumber,
            ["tracking_number"] = shipment.TrackingNumber,
            ["reason"] = reason,
        }, Links.Order(shipment.OrderId), $"{eventName}:{shipment.ShipmentId}:{occurredAt.UtcTicks}"), cancellationToken);
    }
}

public sealed class NotifyShipmentAssigned(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyShipmentAssigned> logger)
    : DeliveryEventHandler<ShipmentAssigned>(db, inbox, clock, logger)
{
    protected override Task HandleAsync(ShipmentAssigned message, CancellationToken cancellationToken) =>
        TellBuyerAsync(message.Shipment, NotificationKinds.ShipmentAssigned, "assigned", message.OccurredAt, cancellationToken);
}

public sealed class NotifyShipmentPickedUp(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyShipmentPickedUp> logger)
    : DeliveryEventHandler<ShipmentPickedUp>(db, inbox, clock, logger)
{
    protected override Task HandleAsync(ShipmentPickedUp message, CancellationToken cancellationToken) =>
        TellBuyerAsync(message.Shipment, NotificationKinds.ShipmentPickedUp, "picked-up", message.OccurredAt, cancellationToken);
}

public sealed class NotifyShipmentFailed(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyShipmentFailed> logger)
    : DeliveryEventHandler<ShipmentFailed>(db, inbox, clock, logger)
{
    protected override Task HandleAsync(ShipmentFailed message, CancellationToken cancellationToken) =>
        TellBuyerAsync(message.Shipment, NotificationKinds.DeliveryFailed, "failed", message.OccurredAt, cancellationToken, message.Reason);
}

public sealed class NotifyShipmentDelivered(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyShipmentDelivered> logger)
    : DeliveryEventHandler<ShipmentDelivered>(db, inbox, clock, logger)
{
    protected override Task HandleAsync(ShipmentDelivered message, CancellationToken cancellationToken) =>
        TellBuyerAsync(message.Shipment, NotificationKinds.ShipmentDelivered, "delivered", message.OccurredAt, cancellationToken);
}

public sealed class NotifyShipmentOffered(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<NotifyShipmentOffered> logger)
    : IntegrationEventHandler<ShipmentOffered, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ShipmentOffered message, CancellationToken cancellationToken) =>
        inbox.NotifyAsync(new NotificationRequest(message.ShipperId, NotificationKinds.ShipmentOffered, new Dictionary<string, object?>
        {
            ["tracking_number"] = message.Shipment.TrackingNumber,
            ["expires_at"] = message.ExpiresAt.ToString("HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
        }, Links.Shipment(message.Shipment.ShipmentId), $"offered:{message.OfferId}"), cancellationToken);
}
