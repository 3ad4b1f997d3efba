using GoShop.BuildingBlocks.Domain;
using NetTopologySuite.Geometries;

namespace GoShop.Shipping.Domain;

/// <summary>
/// A position the shipper reported while carrying a shipment: the trip's trail on the map. A point implying an
/// impossible speed is kept <see cref="Flagged"/> (not trusted, not shown). The trail is trimmed once the trip ends.
/// </summary>
public sealed class TripPoint
{
    private TripPoint()
    {
    }

    public long Id { get; private set; }

    public Guid ShipmentId { get; private set; }

    public Guid ShipperId { get; private set; }

    public Point Location { get; private set; } = null!;

    public bool Flagged { get; private set; }

    public DateTimeOffset At { get; private set; }

    public GeoPoint Position => Shipment.PositionOf(Location);

    public static TripPoint Record(Guid shipmentId, Guid shipperId, GeoPoint position, bool flagged, DateTimeOffset at) => new()
    {
        ShipmentId = shipmentId,
        ShipperId = shipperId,
        Location = Shipment.PointOf(position),
        Flagged = flagged,
        At = at,
    };
}
