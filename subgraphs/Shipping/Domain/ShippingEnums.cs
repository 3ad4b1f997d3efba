using System.ComponentModel;

namespace GoShop.Shipping.Domain;

/// <summary>
/// Where a shipment stands: AWAITING_ASSIGNMENT → ASSIGNED → PICKED_UP → IN_TRANSIT → DELIVERED; a failed attempt goes
/// to FAILED_DELIVERY, then back IN_TRANSIT (re-attempt) or RETURNED_TO_SHOP; CANCELLED when the order is cancelled before
/// pickup. <see cref="ShipmentTransitions"/> lists every allowed move.
/// </summary>
public enum ShipmentStatus
{
    [Description("Created from the confirmed order (or the approved return) and waiting for a shipper: offered to the shippers near the pickup one at a time (unless the drop-off could not be located), or assigned by the shop's owner or an admin.")]
    AwaitingAssignment,

    [Description("A shipper has it; they pick it up next: at the shop, or at the buyer's for a RETURN.")]
    Assigned,

    [Description("The shipper picked the parcel up: at the shop, or at the buyer's for a RETURN.")]
    PickedUp,

    [Description("On the way to the buyer (to the shop for a RETURN), or there again after a failed attempt.")]
    InTransit,

    [Description("Handed over, with a photo or the recipient's name and, for cash on delivery, the cash collected. Final.")]
    Delivered,

    [Description("A delivery attempt failed, and the shipper said why; next it goes IN_TRANSIT again or RETURNED_TO_SHOP.")]
    FailedDelivery,

    [Description("Taken back to the shop after a failed delivery (for a RETURN: taken in at the shop by its owner or an admin after a failed attempt). Final.")]
    ReturnedToShop,

    [Description("The order was cancelled before its delivery was picked up. Final.")]
    Cancelled,
}

/// <summary>What a shipment carries: an order to its buyer, or a return from the buyer back to the shop.</summary>
public enum ShipmentKind
{
    [Description("The order going from its shop to its buyer; at most one per order.")]
    Delivery,

    [Description("A parcel of an approved return going from the buyer back to the shop (picked up at the buyer's address, delivered at the " +
        "shop), one per return. Never cash on delivery, and its shipping charges nobody in this version: the fee a quote would give is not billed.")]
    Return,
}

/// <summary>In which capacity someone moves a shipment.</summary>
public enum ShipmentActorRole
{
    [Description("The shipper, accepting an offer or moving the parcel they carry.")]
    Shipper,

    [Description("The shop's owner, assigning a shipper or taking a failed parcel back.")]
    Seller,

    [Description("A GoShop admin, assigning a shipper or taking a failed parcel back.")]
    Admin,

    [Description("GoShop itself, following the order: the shipment's creation and its cancellation.")]
    System,
}

/// <summary>A shipper's vehicle; it decides how many parcels the shipper carries at once.</summary>
public enum VehicleType
{
    [Description("A bicycle, for short trips.")]
    Bicycle,

    [Description("A motorbike or scooter.")]
    Motorbike,

    [Description("A car.")]
    Car,

    [Description("A van, for bulky or heavy parcels.")]
    Van,
}

/// <summary>What a shipper says about themselves: OFFLINE or AVAILABLE (BUSY is derived from the load, never set).</summary>
public enum ShipperStatus
{
    [Description("Off duty: nothing is offered or assigned to them. Set by the shipper, or by an admin's suspension.")]
    Offline,

    [Description("On duty with a free slot: shipments near them are offered to them, and shops may assign them one.")]
    Available,

    [Description("On duty, but carrying as many parcels as the vehicle allows: nothing more until one is finished. Never set: it follows from the load.")]
    Busy,
}

/// <summary>Where an offer of a shipment to a shipper stands.</summary>
public enum OfferStatus
{
    Pending,
    Accepted,
    Declined,
    Expired,
    Withdrawn,
}

public static class ShipmentStatuses
{
    /// <summary>The statuses in which a shipment takes one of its shipper's slots.</summary>
    public static IReadOnlyList<ShipmentStatus> Active { get; } =
        [ShipmentStatus.Assigned, ShipmentStatus.PickedUp, ShipmentStatus.InTransit, ShipmentStatus.FailedDelivery];

    /// <summary>The statuses nothing leaves.</summary>
    public static bool IsFinal(this ShipmentStatus status) =>
        status is ShipmentStatus.Delivered or ShipmentStatus.ReturnedToShop or ShipmentStatus.Cancelled;

    /// <summary>The parcel is on the road with its shipper (what location reports are kept for).</summary>
    public static bool IsUnderway(this ShipmentStatus status) =>
        status is ShipmentStatus.Assigned or ShipmentStatus.PickedUp or ShipmentStatus.InTransit or ShipmentStatus.FailedDelivery;

    /// <summary>The parcel is with the shipper on the way to the buyer (the ETA counts to the drop-off, not the shop).</summary>
    public static bool HasParcel(this ShipmentStatus status) =>
        status is ShipmentStatus.PickedUp or ShipmentStatus.InTransit or ShipmentStatus.FailedDelivery;
}
