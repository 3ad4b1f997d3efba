namespace GoShop.Contracts.Shipping;

/// <summary>What a shipment carries: an order to its buyer, or a return from the buyer back to the shop.</summary>
public static class ShipmentKinds
{
    public const string Delivery = "DELIVERY";
    public const string Return = "RETURN";
}

/// <summary>
/// The shipment of one order as the shipping events carry it. <see cref="Status"/> is the status after the event:
/// AWAITING_ASSIGNMENT, ASSIGNED, PICKED_UP, IN_TRANSIT, DELIVERED, FAILED_DELIVERY, RETURNED_TO_SHOP or CANCELLED.
/// <see cref="CodAmount"/> is what the shipper collects at the door (0 unless the order is paid cash on delivery).
/// <see cref="Kind"/> is <see cref="ShipmentKinds.Delivery"/> (the order going to its buyer) or
/// <see cref="ShipmentKinds.Return"/> (the parcel of return <see cref="ReturnId"/> going from the buyer back to the
/// shop: picked up at the buyer's, delivered at the shop, never cash on delivery). A consumer of the delivery's events
/// checks the kind: a return shipment's pickup does not ship the order, its delivery does not deliver it.
/// </summary>
public sealed record ShipmentSnapshot(
    Guid ShipmentId,
    Guid OrderId,
    Guid ShopId,
    Guid BuyerId,
    string TrackingNumber,
    string Status,
    Guid? ShipperId,
    decimal CodAmount,
    string Currency,
    string Kind = ShipmentKinds.Delivery,
    Guid? ReturnId = null)
{
    public bool IsReturn => Kind == ShipmentKinds.Return;
}

/// <summary>A confirmed order got its shipment; it waits for a shipper.</summary>
public sealed record ShipmentCreated(ShipmentSnapshot Shipment, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// The shipment was offered to one shipper, who accepts or declines it before <see cref="ExpiresAt"/> (notifications
/// tells the shipper).
/// </summary>
public sealed record ShipmentOffered(ShipmentSnapshot Shipment, Guid OfferId, Guid ShipperId, DateTimeOffset ExpiresAt, DateTimeOffset OccurredAt)
    : IIntegrationEvent;

/// <summary>A shipper took the shipment (accepted an offer, or the shop or an admin assigned one).</summary>
public sealed record ShipmentAssigned(ShipmentSnapshot Shipment, Guid ShipperId, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>The shipper picked the parcel up at the shop: ordering ships the order.</summary>
public sealed record ShipmentPickedUp(ShipmentSnapshot Shipment, Guid ShipperId, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// The parcel reached the buyer, with proof (a photo or the recipient's name): ordering marks the order delivered.
/// </summary>
public sealed record ShipmentDelivered(
    ShipmentSnapshot Shipment,
    Guid ShipperId,
    string? RecipientName,
    Guid? ProofMediaId,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// A delivery attempt failed (<see cref="Reason"/>); the shipment is re-attempted, or went back to the shop when
/// <see cref="ReturnedToShop"/>.
/// </summary>
public sealed record ShipmentFailed(
    ShipmentSnapshot Shipment,
    Guid? ShipperId,
    string Reason,
    bool ReturnedToShop,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// The shipper collected the cash of a cash-on-delivery order at the door; the shipper owes it to the platform until
/// payments records a settlement.
/// </summary>
public sealed record CodCollected(
    Guid ShipmentId,
    Guid OrderId,
    Guid ShipperId,
    decimal Amount,
    string Currency,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
