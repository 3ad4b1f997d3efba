using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Shipping;
using GoShop.Ordering.Data;
using GoShop.Ordering.Domain;
using GoShop.Ordering.Workflow;

namespace GoShop.Ordering.Events;

/// <summary>
/// The shipping subgraph moved an order's parcel: picked up, the order is SHIPPED; delivered, it is DELIVERED (a
/// DELIVERED that overtook its PICKED_UP ships it first); both moves are the shipper's. Other statuses only write the
/// timeline. An order already past the move (a replay) is left as it is.
/// </summary>
public sealed class ShipmentStatusChangedHandler(OrderingDbContext db, OrderWorkflow workflow, TimeProvider clock, ILogger<ShipmentStatusChangedHandler> logger)
    : IntegrationEventHandler<ShipmentStatusChanged, OrderingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ShipmentStatusChanged message, CancellationToken cancellationToken)
    {
        if (await Db.LockOrderAsync(message.OrderId, cancellationToken) is not { } order)
            return;
        var shipper = Actor.Shipper(message.ShipperId);
        var parcel = new ShipmentDetails(null, message.TrackingNumber);
        switch (message.Status)
        {
            case "PICKED_UP":
                if (order.Status == OrderStatus.Confirmed)
                    workflow.Move(order, OrderAction.Ship, shipper, shipment: parcel);
                break;
            case "DELIVERED":
                if (order.Status == OrderStatus.Confirmed)
                    workflow.Move(order, OrderAction.Ship, shipper, shipment: parcel);
                if (order.Status == OrderStatus.Shipped)
                    workflow.Move(order, OrderAction.MarkDelivered, shipper);
                break;
            default:
                workflow.Report(order, OrderTimelineKind.ShipmentUpdate, TitleOf(message.Status), message.Note);
                break;
        }
    }

    private static string TitleOf(string status) => status switch
    {
        "AWAITING_ASSIGNMENT" => "Looking for a shipper",
        "ASSIGNED" => "A shipper is on the way to the shop",
        "IN_TRANSIT" => "On the way to you",
        "FAILED_DELIVERY" => "A delivery attempt failed",
        "RETURNED_TO_SHOP" => "The parcel went back to the shop",
        "CANCELLED" => "The shipment was cancelled",
        _ => $"Shipment {status}",
    };
}
