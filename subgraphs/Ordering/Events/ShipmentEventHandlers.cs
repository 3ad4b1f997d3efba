using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts;
using GoShop.Contracts.Shipping;
using GoShop.Ordering.Data;
using GoShop.Ordering.Domain;
using GoShop.Ordering.Workflow;

namespace GoShop.Ordering.Events;

/// <summary>
/// What every shipping event does here: lock the order it is about and, when the order exists, let the event move it
/// or write its news on the timeline. An order already past the move (a replay, or events out of order) is left as it is.
/// </summary>
public abstract class ShipmentEventHandler<TEvent>(OrderingDbContext db, OrderWorkflow workflow, TimeProvider clock, ILogger logger)
    : IntegrationEventHandler<TEvent, OrderingDbContext>(db, clock, logger)
    where TEvent : class, IIntegrationEvent
{
    protected OrderWorkflow Workflow { get; } = workflow;

    protected abstract Guid OrderIdOf(TEvent message);

    protected abstract void Apply(Order order, TEvent message);

    protected override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        if (await Db.LockOrderAsync(OrderIdOf(message), cancellationToken) is { } order)
            Apply(order, message);
    }

    /// <summary>The shipper took the parcel from the shop: a CONFIRMED order becomes SHIPPED, by that shipper.</summary>
    protected void Ship(Order order, ShipmentSnapshot shipment, Guid shipperId)
    {
        if (order.Status == OrderStatus.Confirmed)
            Workflow.Move(order, OrderAction.Ship, Actor.Shipper(shipperId), shipment: new ShipmentDetails(null, shipment.TrackingNumber));
    }
}

/// <summary>The confirmed order's parcel waits for a shipper: news on the timeline.</summary>
public sealed class ShipmentCreatedHandler(OrderingDbContext db, OrderWorkflow workflow, TimeProvider clock, ILogger<ShipmentCreatedHandler> logger)
    : ShipmentEventHandler<ShipmentCreated>(db, workflow, clock, logger)
{
    protected override Guid OrderIdOf(ShipmentCreated message) => message.Shipment.OrderId;

    protected override void Apply(Order order, ShipmentCreated message) =>
        Workflow.Report(order, OrderTimelineKind.ShipmentUpdate, "Looking for a shipper", $"Tracking number {message.Shipment.TrackingNumber}");
}

/// <summary>A shipper took the parcel on: news on the timeline.</summary>
public sealed class ShipmentAssignedHandler(OrderingDbContext db, OrderWorkflow workflow, TimeProvider clock, ILogger<ShipmentAssignedHandler> logger)
    : ShipmentEventHandler<ShipmentAssigned>(db, workflow, clock, logger)
{
    protected override Guid OrderIdOf(ShipmentAssigned message) => message.Shipment.OrderId;

    protected override void Apply(Order order, ShipmentAssigned message) =>
        Workflow.Report(order, OrderTimelineKind.ShipmentUpdate, "A shipper is on the way to the shop", null);
}

/// <summary>Picked up at the shop: the order is SHIPPED, with its tracking number.</summary>
public sealed class ShipmentPickedUpHandler(OrderingDbContext db, OrderWorkflow workflow, TimeProvider clock, ILogger<ShipmentPickedUpHandler> logger)
    : ShipmentEventHandler<ShipmentPickedUp>(db, workflow, clock, logger)
{
    protected override Guid OrderIdOf(ShipmentPickedUp message) => message.Shipment.OrderId;

    protected override void Apply(Order order, ShipmentPickedUp message) => Ship(order, message.Shipment, message.ShipperId);
}

/// <summary>
/// Delivered to the buyer: the order is DELIVERED by the shipper (a delivery that overtook its pick-up ships the order
/// first), which opens the return window and sells the held stock.
/// </summary>
public sealed class ShipmentDeliveredHandler(OrderingDbContext db, OrderWorkflow workflow, TimeProvider clock, ILogger<ShipmentDeliveredHandler> logger)
    : ShipmentEventHandler<ShipmentDelivered>(db, workflow, clock, logger)
{
    protected override Guid OrderIdOf(ShipmentDelivered message) => message.Shipment.OrderId;

    protected override void Apply(Order order, ShipmentDelivered message)
    {
        Ship(order, message.Shipment, message.ShipperId);
        if (order.Status == OrderStatus.Shipped)
            Workflow.Move(order, OrderAction.MarkDelivered, Actor.Shipper(message.ShipperId));
    }
}

/// <summary>A delivery attempt failed, or the parcel went back to the shop: news on the timeline, with the reason.</summary>
public sealed class ShipmentFailedHandler(OrderingDbContext db, OrderWorkflow workflow, TimeProvider clock, ILogger<ShipmentFailedHandler> logger)
    : ShipmentEventHandler<ShipmentFailed>(db, workflow, clock, logger)
{
    protected override Guid OrderIdOf(ShipmentFailed message) => message.Shipment.OrderId;

    protected override void Apply(Order order, ShipmentFailed message) =>
        Workflow.Report(order, OrderTimelineKind.ShipmentUpdate,
            message.ReturnedToShop ? "The parcel went back to the shop" : "A delivery attempt failed", message.Reason);
}
