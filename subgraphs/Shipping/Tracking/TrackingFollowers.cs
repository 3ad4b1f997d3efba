using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Ordering;
using GoShop.Shipping.Data;
using GoShop.Shipping.Domain;
using GoShop.Shipping.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shipping.Tracking;

/// <summary>
/// Who may follow an order's shipment, decided when they subscribe. Once the shipment exists (the order's delivery, or
/// a return shipment named by its id): its buyer, the shop's owner, its assigned shipper and admins. Before (a buyer's order page subscribes as soon as the order is placed,
/// while the seller has not confirmed it yet): the order's buyer, its seller and admins, as ordering knows the order
/// now — an event might not have brought it yet.
/// </summary>
public sealed class TrackingFollowers(ShippingDbContext db, OrderDirectory orders, ILogger<TrackingFollowers> logger)
{
    public static DomainError NotAFollower { get; } =
        new("FORBIDDEN", "Only the order's buyer, the shop's owner, the assigned shipper and admins can follow this shipment.");

    public static DomainError NoSuchOrder { get; } = new("NOT_FOUND", "There is no such order.");

    public static DomainError NoSuchShipment { get; } = new("NOT_FOUND", "This order has no shipment with this id.");

    public static DomainError OrderingUnavailable { get; } =
        new("ORDERING_UNAVAILABLE", "The order cannot be checked right now; try again shortly.");

    public async Task<Result> AdmitAsync(Guid orderId, Viewer viewer, CancellationToken cancellationToken)
    {
        if (await db.Shipments.AsNoTracking().DeliveryOf(orderId).SingleOrDefaultAsync(cancellationToken) is { } shipment)
            return viewer.CanSee(shipment) ? Result.Success : NotAFollower;
        var order = await InternalApi.CallAsync(() => orders.FindOrderAsync(orderId, cancellationToken), OrderingUnavailable, logger, cancellationToken);
        if (!order.Succeeded)
            return order.Error;
        if (order.Value is not { } found)
            return NoSuchOrder;
        return viewer.IsAdmin || viewer.UserId == found.BuyerId || viewer.UserId == found.SellerId ? Result.Success : NotAFollower;
    }

    /// <summary>A follower of one shipment of the order (a return shipment, or the delivery by its id): it exists, so its rules decide.</summary>
    public async Task<Result<Shipment>> AdmitAsync(Guid orderId, Guid shipmentId, Viewer viewer, CancellationToken cancellationToken)
    {
        var shipment = await db.Shipments.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shipmentId && s.OrderId == orderId, cancellationToken);
        if (shipment is null)
            return NoSuchShipment;
        if (!viewer.CanSee(shipment))
            return NotAFollower;
        return shipment;
    }
}
