using GoShop.BuildingBlocks.Domain;
using NetTopologySuite.Geometries;

namespace GoShop.Shipping.Domain;

/// <summary>
/// One move of a shipment: from where (none for its creation), to where, by whom, where they were and why.
/// <see cref="Sequence"/> is the shipment's version the move produced.
/// </summary>
public sealed class ShipmentHistoryEntry
{
    private ShipmentHistoryEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid ShipmentId { get; private set; }

    public int Sequence { get; private set; }

    public ShipmentStatus? From { get; private set; }

    public ShipmentStatus To { get; private set; }

    public ShipmentActorRole ActorRole { get; private set; }

    /// <summary>The person who made the move; none for SYSTEM.</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>Where the actor was (the shipper's last trusted position), when known.</summary>
    public Point? Location { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset At { get; private set; }

    public GeoPoint? Position => Location is null ? null : Shipment.PositionOf(Location);

    internal static ShipmentHistoryEntry Record(Guid shipmentId, int sequence, ShipmentStatus? from, ShipmentStatus to, ShipmentActor actor,
        string? reason, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        ShipmentId = shipmentId,
        Sequence = sequence,
        From = from,
        To = to,
        ActorRole = actor.Role,
        ActorId = actor.UserId,
        Location = actor.Where is null ? null : Shipment.PointOf(actor.Where),
        Reason = reason,
        At = at,
    };
}
