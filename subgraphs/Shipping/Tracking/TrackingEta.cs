using GoShop.BuildingBlocks.Domain;
using GoShop.Shipping.Domain;
using GoShop.Shipping.Quotes;

namespace GoShop.Shipping.Tracking;

/// <summary>
/// The minutes left of a shipment's trip from where its shipper is, by <see cref="ShippingQuoteEngine.EtaMinutes"/>: to the
/// drop-off once the parcel is on board, via the pickup (the shop, or the buyer for a return) before. None when the shipper's position or the drop-off
/// is unknown, or the trip is over.
/// </summary>
public sealed class TrackingEta(ShippingQuoteEngine engine)
{
    public int? MinutesLeft(Shipment shipment, GeoPoint? shipperAt)
    {
        if (shipperAt is null || shipment.DropoffPosition is not { } dropoff || !shipment.Status.IsUnderway())
            return null;
        if (shipment.Status.HasParcel())
            return engine.EtaMinutes(shipperAt, dropoff);
        return engine.EtaMinutes(shipperAt, shipment.PickupPosition) + engine.EtaMinutes(shipment.PickupPosition, dropoff);
    }

    /// <summary>What a follower hears of a shipment now: its status, the shipper's position while underway and the ETA.</summary>
    public ShipmentTrackingMessage Snapshot(Shipment shipment, GeoPoint? shipperAt, DateTimeOffset at) =>
        new(shipment.Id, shipment.OrderId, shipment.Status, shipment.Status.IsUnderway() ? shipperAt : null, MinutesLeft(shipment, shipperAt), at, shipment.Kind);
}
