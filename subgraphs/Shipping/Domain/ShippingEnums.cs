namespace GoShop.Shipping.Domain;

/// <summary>
/// Where a shipment stands: AWAITING_ASSIGNMENT → ASSIGNED → PICKED_UP → IN_TRANSIT → DELIVERED; a failed attempt goes
/// to FAILED_DELIVERY, then back IN_TRANSIT (re-attempt) or RETURNED_TO_SHOP; CANCELLED when the order is cancelled before
/// pickup. <see cref="ShipmentTransitions"/> lists every allowed move.
/// </summary>
public enum ShipmentStatus
{
    AwaitingAssignment,
    Assigned,
    PickedUp,
    InTransit,
    Delivered,
    FailedDelivery,
    ReturnedToShop,
    Cancelled,
}

/// <summary>In which capacity someone moves a shipment.</summary>
public enum ShipmentActorRole
{
    Shipper,
    Seller,
    Admin,
    System,
}

/// <summary>A shipper's vehicle; it decides how many parcels the shipper carries at once.</summary>
public enum VehicleType
{
    Bicycle,
    Motorbike,
    Car,
    Van,
}

/// <summary>What a shipper says about themselves: OFFLINE or AVAILABLE (BUSY is derived from the load, never set).</summary>
public enum ShipperStatus
{
    Offline,
    Available,
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
