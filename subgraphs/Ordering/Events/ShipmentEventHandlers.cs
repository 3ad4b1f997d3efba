using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts;
using GoShop.Contracts.Shipping;
using GoShop.Ordering.Data;
using GoShop.Ordering.Domain;
using GoShop.Ordering.Domain.Returns;
using GoShop.Ordering.Workflow;

namespace GoShop.Ordering.Events;

/// <summary>
/// What every shipping event does here: lock the order it is about and, when the order exists, let the event move it
/// or write its news on the timeline. The events of a return shipment (<see cref="ShipmentSnapshot.IsReturn"/>) move
/// that return instead, never the order's delivery. An order or return already past the move (a replay, or events out
/// of order) is left as it is.
/// </summary>
public abstract class ShipmentEventHandler<TEvent>(OrderingDbContext db, OrderWorkflow workflow, ReturnWorkflow returns, TimeProvider clock,
    ILogger logger)
    : IntegrationEventHandler<TEvent, OrderingDbContext>(db, clock, logger)
    where TEvent : class, IIntegrationEvent
{
    protected OrderWorkflow Workflow { get; } = workflow;

    protected ReturnWorkflow Returns { get; } = returns;

    protected abstract ShipmentSnapshot ShipmentOf(TEvent message);

    /// <summary>The event about the order's delivery.</summary>
    protected abstract void Apply(Order order, TEvent message);

    /// <summary>The event about the parcel of the order's return.</summary>
    protected abstract void ApplyToReturn(Order order, Return @return, TEvent message);

    protected override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        var shipment = ShipmentOf(message);
        if (await Db.LockOrderAsync(shipment.OrderId, cancellationToken) is not { } order)
            return;
        if (!shipment.IsReturn)
        {
            Apply(order, message);
            return;
        }
        if (await Db.ReturnOfLockedOrderAsync(order.Id, cancellationToken) is { } @return && @return.Id == shipment.ReturnId)
            ApplyToReturn(order, @return, message);
    }

    /// <summary>The shipper took the parcel from the shop: a CONFIRMED order becomes SHIPPED, by that shipper.</summary>
    protected void Ship(Order order, ShipmentSnapshot shipment, Guid shipperId)
    {
        if (order.Status == OrderStatus.Confirmed)
            Workflow.Move(order, OrderAction.Ship, Actor.Shipper(shipperId), shipment: new ShipmentDetails(null, shipment.TrackingNumber));
    }
}

/// <summary>
/// The confirmed order's parcel waits for a shipper: news on the timeline. A return's parcel: the return remembers its
/// shipment.
/// </summary>
public sealed class ShipmentCreatedHandler(OrderingDbContext db, OrderWorkflow workflow, ReturnWorkflow returns, TimeProvider clock,
    ILogger<ShipmentCreatedHandler> logger)
    : ShipmentEventHandler<ShipmentCreated>(db, workflow, returns, clock, logger)
{
    protected override ShipmentSnapshot ShipmentOf(ShipmentCreated message) => message.Shipment;

    protected override void Apply(Order order, ShipmentCreated message) =>
        Workflow.Report(order, OrderTimelineKind.ShipmentUpdate, "Looking for a shipper", $"Tracking number {message.Shipment.TrackingNumber}");

    protected override void ApplyToReturn(Order order, Return @return, ShipmentCreated message) =>
        Returns.ShipmentCreated(order, @return, message.Shipment.ShipmentId, message.Shipment.TrackingNumber);
}

/// <summary>A shipper took the parcel on: news on the timeline.</summary>
public sealed class ShipmentAssignedHandler(OrderingDbContext db, OrderWorkflow workflow, ReturnWorkflow returns, TimeProvider clock,
    ILogger<ShipmentAssignedHandler> logger)
    : ShipmentEventHandler<ShipmentAssigned>(db, workflow, returns, clock, logger)
{
    protected override ShipmentSnapshot ShipmentOf(ShipmentAssigned message) => message.Shipment;

    protected override void Apply(Order order, ShipmentAssigned message) =>
        Workflow.Report(order, OrderTimelineKind.ShipmentUpdate, "A shipper is on the way to the shop", null);

    protected override void ApplyToReturn(Order order, Return @return, ShipmentAssigned message) =>
        Workflow.Report(order, OrderTimelineKind.ShipmentUpdate, "A shipper is on the way to fetch the return", null);
}

/// <summary>Picked up at the shop: the order is SHIPPED, with its tracking number. A return's parcel picked up at the buyer's: the return is IN_TRANSIT.</summary>
public sealed class ShipmentPickedUpHandler(OrderingDbContext db, OrderWorkflow workflow, ReturnWorkflow returns, TimeProvider clock,
    ILogger<ShipmentPickedUpHandler> logger)
    : ShipmentEventHandler<ShipmentPickedUp>(db, workflow, returns, clock, logger)
{
    protected override ShipmentSnapshot ShipmentOf(ShipmentPickedUp message) => message.Shipment;

    protected override void Apply(Order order, ShipmentPickedUp message) => Ship(order, message.Shipment, message.ShipperId);

    protected override void ApplyToReturn(Order order, Return @return, ShipmentPickedUp message) => Returns.PickedUp(order, @return);
}

/// <summary>
/// Delivered to the buyer: the order is DELIVERED by the shipper (a delivery that overtook its pick-up ships the order
/// first), which opens the return window and sells the held stock. A return's parcel delivered at the shop: the return
/// is RECEIVED, and its units are restocked and refunded.
/// </summary>
public sealed class ShipmentDeliveredHandler(OrderingDbContext db, OrderWorkflow workflow, ReturnWorkflow returns, TimeProvider clock,
    ILogger<ShipmentDeliveredHandler> logger)
    : ShipmentEventHandler<ShipmentDelivered>(db, workflow, returns, clock, logger)
{
    protected override ShipmentSnapshot ShipmentOf(ShipmentDelivered message) => message.Shipment;

    protected override void Apply(Order order, ShipmentDelivered message)
    {
        Ship(order, message.Shipment, message.ShipperId);
        if (order.Status == OrderStatus.Shipped)
            Workflow.Move(order, OrderAction.MarkDelivered, Actor.Shipper(message.ShipperId));
    }

    protected override void ApplyToReturn(Order order, Return @return, ShipmentDelivered message) => Returns.Received(order, @return);
}

/// <summary>A delivery attempt failed, or the parcel went back where it came from: news on the timeline, with the reason.</summary>
public sealed class ShipmentFailedHandler(OrderingDbContext db, OrderWorkflow workflow, ReturnWorkflow returns, TimeProvider clock,
    ILogger<ShipmentFailedHandler> logger)
    : ShipmentEventHandler<ShipmentFailed>(db, workflow, returns, clock, logger)
{
    protected override ShipmentSnapshot ShipmentOf(ShipmentFailed message) => message.Shipment;

    protected override void Apply(Order order, ShipmentFailed message) =>
        Workflow.Report(order, OrderTimelineKind.ShipmentUpdate,
            message.ReturnedToShop ? "The parcel went back to the shop" : "A delivery attempt failed", message.Reason);

    protected override void ApplyToReturn(Order order, Return @return, ShipmentFailed message) =>
        Workflow.Report(order, OrderTimelineKind.ShipmentUpdate,
            message.ReturnedToShop ? "The return parcel could not be delivered to the shop" : "An attempt to move the return parcel failed",
            message.Reason);
}
