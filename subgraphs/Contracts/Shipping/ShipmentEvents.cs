namespace GoShop.Contracts.Shipping;

/// <summary>
/// The shipment of one order as the shipping events carry it. <see cref="Status"/> is the status after the event:
/// AWAITING_ASSIGNMENT, ASSIGNED, PICKED_UP, IN_TRANSIT, DELIVERED, FAILED_DELIVERY, RETURNED_TO_SHOP or CANCELLED.
/// <see cref="CodAmount"/> is what the shipper collects at the door (0 unless the order is paid cash on delivery).
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
    string Currency);

/// <summary>A confirmed order got its shipment; it waits for a shipper.</summary>
public sealed record ShipmentCreated(ShipmentSnapshot Shipment, DateTimeOffset OccurredAt) : IIntegrationEvent;

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
