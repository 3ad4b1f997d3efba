namespace GoShop.Shipping.Domain;

/// <summary>
/// A shipment offered to one shipper, who accepts or declines it before <see cref="ExpiresAt"/>; unanswered, it expires
/// and the shipment is offered to the next shipper. A shipment has at most one PENDING offer at a time; a shipper who
/// declined (or let an offer expire) is not asked again for the same shipment.
/// </summary>
public sealed class ShipmentOffer
{
    private ShipmentOffer()
    {
    }

    public Guid Id { get; private set; }

    public Guid ShipmentId { get; private set; }

    public Guid ShipperId { get; private set; }

    public OfferStatus Status { get; private set; }

    /// <summary>How far the shipper was from the pickup when offered.</summary>
    public double DistanceKm { get; private set; }

    public DateTimeOffset OfferedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RespondedAt { get; private set; }

    public string? Reason { get; private set; }

    public static ShipmentOffer Make(Guid shipmentId, Guid shipperId, double distanceKm, DateTimeOffset now, TimeSpan timeout) => new()
    {
        Id = Guid.CreateVersion7(),
        ShipmentId = shipmentId,
        ShipperId = shipperId,
        Status = OfferStatus.Pending,
        DistanceKm = distanceKm,
        OfferedAt = now,
        ExpiresAt = now + timeout,
    };

    public bool IsOpenAt(DateTimeOffset now) => Status == OfferStatus.Pending && now < ExpiresAt;

    public void Close(OfferStatus outcome, string? reason, DateTimeOffset now)
    {
        Status = outcome;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        RespondedAt = now;
    }
}
