namespace GoShop.Contracts.Shipping;

/// <summary>
/// A shipment of an order moved: <see cref="Status"/> is AWAITING_ASSIGNMENT, ASSIGNED, PICKED_UP, IN_TRANSIT,
/// DELIVERED, FAILED_DELIVERY, RETURNED_TO_SHOP or CANCELLED. Ordering moves the order to SHIPPED on PICKED_UP and to
/// DELIVERED on DELIVERED; a replay changes nothing.
/// </summary>
public sealed record ShipmentStatusChanged(
    Guid ShipmentId,
    Guid OrderId,
    string Status,
    string? PreviousStatus,
    Guid? ShipperId,
    string TrackingNumber,
    string? Note,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
