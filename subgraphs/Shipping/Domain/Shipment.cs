using GoShop.BuildingBlocks.Domain;
using NetTopologySuite.Geometries;

namespace GoShop.Shipping.Domain;

/// <summary>
/// Everything a shipment is created from: the confirmed order as ordering's snapshot tells it (a delivery), or an approved
/// return (a <see cref="ShipmentKind.Return"/>: picked up at <see cref="PickupAddress"/>, the buyer's, delivered at the shop).
/// </summary>
public sealed record ShipmentDraft(
    Guid OrderId,
    string OrderNumber,
    Guid ShopId,
    Guid SellerId,
    Guid BuyerId,
    GeoPoint Pickup,
    GeoPoint? Dropoff,
    string DropoffAddress,
    string RecipientName,
    string RecipientPhone,
    int WeightGrams,
    decimal CodAmount,
    string Currency,
    string? Note,
    ShipmentKind Kind = ShipmentKind.Delivery,
    Guid? ReturnId = null,
    string? PickupAddress = null);

/// <summary>Who moves a shipment, in which capacity, and where they were (the shipper's last trusted position).</summary>
public sealed record ShipmentActor(ShipmentActorRole Role, Guid? UserId, GeoPoint? Where = null)
{
    public static ShipmentActor System { get; } = new(ShipmentActorRole.System, null);
}

/// <summary>What a shipper reports with a delivery: proof (photo or recipient) and the cash collected for COD.</summary>
public sealed record DeliveryProof(Guid? ProofMediaId, string? RecipientName, decimal? CodCollected);

/// <summary>A move a shipment made: the table row, from which status, by whom and why.</summary>
public sealed record AppliedShipmentMove(ShipmentTransition Transition, ShipmentStatus From, ShipmentActor Actor, string? Reason, DateTimeOffset At);

/// <summary>
/// The delivery of one order, from the shop (<see cref="Pickup"/>) to the buyer (<see cref="Dropoff"/>), or the return
/// of some of it (<see cref="Kind"/> RETURN), from the buyer to the shop: both are offered, assigned, moved and tracked
/// alike. Every move goes
/// through <see cref="Move"/> (a row of <see cref="ShipmentTransitions"/>), bumps <see cref="Version"/> and writes a
/// history entry saying who, when, where and why. Locations are WGS-84 points (SRID 4326).
/// </summary>
public sealed class Shipment
{
    public const int Srid = 4326;
    public const int MaxReason = 500;
    public const int MaxRecipientName = 200;

    private readonly List<ShipmentHistoryEntry> _history = [];

    private Shipment()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    /// <summary>DELIVERY (at most one per order) or RETURN (one per approved return, <see cref="ReturnId"/>).</summary>
    public ShipmentKind Kind { get; private set; }

    /// <summary>The return this shipment brings back; null for a delivery.</summary>
    public Guid? ReturnId { get; private set; }

    public string OrderNumber { get; private set; } = "";

    public Guid ShopId { get; private set; }

    /// <summary>The shop's owner when the order was placed: may assign a shipper and take a failed parcel back.</summary>
    public Guid SellerId { get; private set; }

    public Guid BuyerId { get; private set; }

    public string TrackingNumber { get; private set; } = "";

    public ShipmentStatus Status { get; private set; }

    public Point Pickup { get; private set; } = null!;

    /// <summary>
    /// Where a return is picked up, on one line (the buyer's address); null for a delivery, picked up at its shop.
    /// </summary>
    public string? PickupAddress { get; private set; }

    /// <summary>The buyer's address on the map; none when it could not be located (see <see cref="Note"/>).</summary>
    public Point? Dropoff { get; private set; }

    /// <summary>Where the parcel goes, on one line: the buyer's address for a delivery, the shop's location for a return.</summary>
    public string DropoffAddress { get; private set; } = "";

    /// <summary>The buyer as the order's address names them: who receives a delivery, who hands a return over.</summary>
    public string RecipientName { get; private set; } = "";

    public string RecipientPhone { get; private set; } = "";

    public int WeightGrams { get; private set; }

    /// <summary>The cash the shipper collects at the door; 0 unless the order is paid on delivery.</summary>
    public decimal CodAmount { get; private set; }

    public string Currency { get; private set; } = "VND";

    /// <summary>Something the people handling the parcel should know, e.g. that the drop-off is a city's centre.</summary>
    public string? Note { get; private set; }

    public Guid? ShipperId { get; private set; }

    public int Attempts { get; private set; }

    public Guid? ProofMediaId { get; private set; }

    public string? ReceivedBy { get; private set; }

    public decimal? CodCollected { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? AssignedAt { get; private set; }

    public DateTimeOffset? PickedUpAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ShipmentHistoryEntry> History => _history;

    public GeoPoint PickupPosition => PositionOf(Pickup);

    public GeoPoint? DropoffPosition => Dropoff is null ? null : PositionOf(Dropoff);

    public bool IsCod => CodAmount > 0;

    public bool IsReturn => Kind == ShipmentKind.Return;

    public static Point PointOf(GeoPoint position) => new(position.Lng, position.Lat) { SRID = Srid };

    public static GeoPoint PositionOf(Point point) => new(point.Y, point.X);

    public static Shipment Create(ShipmentDraft draft, string trackingNumber, DateTimeOffset now)
    {
        // A return is never paid at the door, and always names its return: the database holds one per return id.
        if (draft.Kind == ShipmentKind.Return && (draft.ReturnId is null || draft.CodAmount != 0))
            throw new ArgumentException("A return shipment names its return and collects no cash.", nameof(draft));
        var shipment = new Shipment
        {
            Id = Guid.CreateVersion7(),
            OrderId = draft.OrderId,
            Kind = draft.Kind,
            ReturnId = draft.Kind == ShipmentKind.Return ? draft.ReturnId : null,
            OrderNumber = draft.OrderNumber,
            ShopId = draft.ShopId,
            SellerId = draft.SellerId,
            BuyerId = draft.BuyerId,
            TrackingNumber = trackingNumber,
            Status = ShipmentStatus.AwaitingAssignment,
            Pickup = PointOf(draft.Pickup),
            PickupAddress = draft.PickupAddress,
            Dropoff = draft.Dropoff is null ? null : PointOf(draft.Dropoff),
            DropoffAddress = draft.DropoffAddress,
            RecipientName = draft.RecipientName,
            RecipientPhone = draft.RecipientPhone,
            WeightGrams = draft.WeightGrams,
            CodAmount = draft.CodAmount,
            Currency = draft.Currency,
            Note = draft.Note,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        shipment._history.Add(ShipmentHistoryEntry.Record(shipment.Id, 1, null, shipment.Status, ShipmentActor.System, draft.Note, now));
        return shipment;
    }

    /// <summary>
    /// Gives the shipment to <paramref name="shipperId"/> (an accepted offer, or the shop's owner or an admin assigning
    /// one). The shipper's slot is taken by <see cref="Shipper.Take"/> in the same unit of work.
    /// </summary>
    public Result<AppliedShipmentMove> Assign(Guid shipperId, ShipmentActor actor, DateTimeOffset now)
    {
        if (ShipperId is not null)
            return ShipmentErrors.AlreadyAssigned;
        var moved = Apply(ShipmentStatus.Assigned, actor, null, now);
        if (moved.Succeeded)
        {
            ShipperId = shipperId;
            AssignedAt = now;
        }
        return moved;
    }

    /// <summary>
    /// The capacity <paramref name="userId"/> acts in on this shipment: its assigned shipper, the shop's owner, an admin;
    /// none for anyone else.
    /// </summary>
    public ShipmentActorRole? RoleOf(Guid userId, bool isAdmin) =>
        userId == ShipperId ? ShipmentActorRole.Shipper
        : userId == SellerId ? ShipmentActorRole.Seller
        : isAdmin ? ShipmentActorRole.Admin
        : null;

    /// <summary>A move asked for through the API: DELIVERED goes through the proof and cash rules of <see cref="Deliver"/>.</summary>
    public Result<AppliedShipmentMove> MoveTo(ShipmentStatus to, ShipmentActor actor, string? reason, DeliveryProof proof, DateTimeOffset now) =>
        to == ShipmentStatus.Delivered ? Deliver(actor, proof, reason, now) : Move(to, actor, reason, now);

    /// <summary>
    /// Hands the parcel over: needs a photo or the recipient's name and, for cash on delivery, exactly the amount due.
    /// </summary>
    public Result<AppliedShipmentMove> Deliver(ShipmentActor actor, DeliveryProof proof, string? reason, DateTimeOffset now)
    {
        var guard = ShipmentTransitions.Decide(Status, ShipmentStatus.Delivered, actor.Role, reason);
        if (!guard.Succeeded)
            return guard.Error;
        var recipient = Trimmed(proof.RecipientName);
        if (proof.ProofMediaId is null && recipient is null)
            return ShipmentErrors.ProofRequired;
        if (IsCod && proof.CodCollected is null)
            return ShipmentErrors.CodAmountRequired;
        if (IsCod ? proof.CodCollected != CodAmount : proof.CodCollected is { } cash && cash != 0)
            return ShipmentErrors.CodAmountMismatch(CodAmount, Currency);
        var moved = Apply(ShipmentStatus.Delivered, actor, reason, now);
        if (moved.Succeeded)
        {
            ProofMediaId = proof.ProofMediaId;
            ReceivedBy = recipient;
            CodCollected = IsCod ? CodAmount : null;
        }
        return moved;
    }

    /// <summary>
    /// Makes the move to <paramref name="to"/> if the table and its guards allow it; DELIVERED goes through
    /// <see cref="Deliver"/>'s proof rules (and fails without proof).
    /// </summary>
    public Result<AppliedShipmentMove> Move(ShipmentStatus to, ShipmentActor actor, string? reason, DateTimeOffset now) =>
        to == ShipmentStatus.Delivered ? Deliver(actor, new DeliveryProof(null, null, null), reason, now) : Apply(to, actor, reason, now);

    private Result<AppliedShipmentMove> Apply(ShipmentStatus to, ShipmentActor actor, string? reason, DateTimeOffset now)
    {
        var decided = ShipmentTransitions.Decide(Status, to, actor.Role, reason);
        if (!decided.Succeeded)
            return decided.Error;
        var transition = decided.Value;
        var from = Status;
        var why = Trimmed(reason);
        Status = to;
        switch (to)
        {
            case ShipmentStatus.PickedUp:
                PickedUpAt = now;
                break;
            case ShipmentStatus.FailedDelivery:
                Attempts++;
                break;
            case ShipmentStatus.Delivered:
                Attempts++;
                DeliveredAt = now;
                break;
        }
        Version++;
        UpdatedAt = now;
        _history.Add(ShipmentHistoryEntry.Record(Id, Version, from, to, actor, why, now));
        return new AppliedShipmentMove(transition, from, actor, why, now);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
