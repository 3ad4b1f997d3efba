using GoShop.Contracts.Shipping;

namespace GoShop.Analytics.Domain;

/// <summary>
/// An order's delivery (return parcels are not kept: they say nothing of how a shop ships): whether any delivery
/// attempt failed, and when it was picked up and delivered.
/// </summary>
public sealed class ShipmentFact
{
    private ShipmentFact()
    {
    }

    public Guid ShipmentId { get; private set; }

    public Guid OrderId { get; private set; }

    public Guid ShopId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PickedUpAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public bool AttemptFailed { get; private set; }

    public bool ReturnedToShop { get; private set; }

    public static ShipmentFact From(ShipmentSnapshot shipment, DateTimeOffset occurredAt) => new()
    {
        ShipmentId = shipment.ShipmentId,
        OrderId = shipment.OrderId,
        ShopId = shipment.ShopId,
        CreatedAt = occurredAt,
    };

    /// <summary>Keeps the earliest report of each moment, so the order events arrive in does not matter.</summary>
    public void Seen(DateTimeOffset occurredAt) => CreatedAt = occurredAt < CreatedAt ? occurredAt : CreatedAt;

    public void PickedUp(DateTimeOffset at) => PickedUpAt = PickedUpAt is { } known && known <= at ? known : at;

    public void Delivered(DateTimeOffset at) => DeliveredAt = DeliveredAt is { } known && known <= at ? known : at;

    public void Failed(bool returnedToShop)
    {
        AttemptFailed = true;
        ReturnedToShop |= returnedToShop;
    }
}
