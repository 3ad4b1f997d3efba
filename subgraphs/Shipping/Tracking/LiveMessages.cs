using GoShop.BuildingBlocks.Domain;
using GoShop.Shipping.Domain;

namespace GoShop.Shipping.Tracking;

/// <summary>A live update on its way to a topic once the unit of work that made it true commits.</summary>
public sealed record LiveMessage(string Topic, object Payload);

/// <summary>
/// What a follower of a shipment hears (<c>shipmentTracking</c>): its status, where the shipper is (when known and
/// trusted) and the minutes left to the drop-off (via the pickup before pickup).
/// </summary>
public sealed record ShipmentTrackingMessage(
    Guid ShipmentId,
    Guid OrderId,
    ShipmentStatus Status,
    GeoPoint? Location,
    int? EtaMinutes,
    DateTimeOffset At,
    ShipmentKind Kind = ShipmentKind.Delivery);

/// <summary>An offer of a shipment to a shipper (<c>myShipmentOffers</c>).</summary>
public sealed record ShipmentOfferMessage(
    Guid OfferId,
    Guid ShipmentId,
    Guid ShipperId,
    double DistanceKm,
    DateTimeOffset ExpiresAt);

/// <summary>
/// The topics of shipping's live updates: one per order followed (its delivery), one per return shipment, one per shipper
/// for offers.
/// </summary>
public static class ShippingTopics
{
    public static string Tracking(Guid orderId) => $"shipping.tracking.{orderId:N}";

    public static string ReturnTracking(Guid shipmentId) => $"shipping.tracking.return.{shipmentId:N}";

    /// <summary>Where a shipment's followers listen: its order's topic for the delivery, its own for a return.</summary>
    public static string Tracking(Shipment shipment) => shipment.IsReturn ? ReturnTracking(shipment.Id) : Tracking(shipment.OrderId);

    public static string Offers(Guid shipperId) => $"shipping.offers.{shipperId:N}";
}
