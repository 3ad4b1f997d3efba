using GoShop.BuildingBlocks.Domain;
using GoShop.Shipping.Quotes;
using NetTopologySuite.Geometries;

namespace GoShop.Shipping.Domain;

/// <summary>How a location report was taken: trusted (the shipper's position moves) or flagged as an impossible jump.</summary>
public sealed record LocationCheck(bool Trusted, double? SpeedKmh);

/// <summary>
/// A person who delivers parcels (the identity user with the same id) and their working state: vehicle and how many
/// parcels it carries at once (<see cref="Capacity"/>), zone, status, last trusted position, rating and counters.
/// <see cref="ActiveShipments"/> changes only while the shipper's row is locked (<c>ShippingDbContext.LockShipperAsync</c>),
/// so two assignments racing for the last free slot cannot both win.
/// </summary>
public sealed class Shipper
{
    public const int MaxPlate = 20;
    public const int MaxZone = 100;

    private Shipper()
    {
    }

    public Guid Id { get; private set; }

    public string FullName { get; private set; } = "";

    public VehicleType VehicleType { get; private set; }

    public string PlateNumber { get; private set; } = "";

    public int Capacity { get; private set; }

    /// <summary>The area the shipper works in (a city), free text.</summary>
    public string? Zone { get; private set; }

    /// <summary>What the shipper set: OFFLINE or AVAILABLE (<see cref="EffectiveStatus"/> adds BUSY).</summary>
    public ShipperStatus Status { get; private set; }

    public int ActiveShipments { get; private set; }

    public Point? Location { get; private set; }

    public DateTimeOffset? LocationAt { get; private set; }

    /// <summary>0 to 5: the average of the shipper's published delivery reviews, as the reviews subgraph last announced it.</summary>
    public decimal Rating { get; private set; }

    /// <summary>How many published delivery reviews <see cref="Rating"/> averages.</summary>
    public int RatingCount { get; private set; }

    /// <summary>The version of the reviews subgraph's summary the rating comes from (0: none yet).</summary>
    public long RatingVersion { get; private set; }

    public int DeliveredCount { get; private set; }

    public int FailedCount { get; private set; }

    public int ReturnedCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Suspended by an admin in identity: off duty, and cannot go AVAILABLE until reinstated.</summary>
    public bool Suspended { get; private set; }

    /// <summary>
    /// When identity decided the current <see cref="Suspended"/> (the latest applied event's OccurredAt): an event
    /// decided earlier arrived late or again, and changes nothing.
    /// </summary>
    public DateTimeOffset? StandingDecidedAt { get; private set; }

    public GeoPoint? Position => Location is null ? null : Shipment.PositionOf(Location);

    /// <summary>BUSY when available but every slot is taken.</summary>
    public ShipperStatus EffectiveStatus =>
        Status == ShipperStatus.Available && ActiveShipments >= Capacity ? ShipperStatus.Busy : Status;

    public bool HasFreeSlot => ActiveShipments < Capacity;

    /// <summary>
    /// Takes the reviews subgraph's summary of version <paramref name="version"/> unless a newer one was taken already
    /// (events may arrive out of order or twice); false when it was older and changed nothing.
    /// </summary>
    public bool ApplyPublishedRatings(decimal average, int count, long version, DateTimeOffset now)
    {
        if (version <= RatingVersion)
            return false;
        RatingVersion = version;
        Rating = count == 0 ? 0 : Math.Clamp(average, 0, 5);
        RatingCount = count;
        UpdatedAt = now;
        return true;
    }

    /// <summary>How many parcels a vehicle carries at once.</summary>
    public static int CapacityOf(VehicleType vehicle) => vehicle switch
    {
        VehicleType.Bicycle => 1,
        VehicleType.Motorbike => 3,
        VehicleType.Car => 6,
        VehicleType.Van => 15,
        _ => 1,
    };

    /// <summary>A newly registered shipper: OFFLINE, nowhere, no deliveries yet.</summary>
    public static Shipper Register(Guid userId, string fullName, VehicleType vehicle, string plateNumber, string? zone, DateTimeOffset now) => new()
    {
        Id = userId,
        FullName = fullName.Trim(),
        VehicleType = vehicle,
        PlateNumber = plateNumber.Trim(),
        Capacity = CapacityOf(vehicle),
        Zone = string.IsNullOrWhiteSpace(zone) ? null : zone.Trim(),
        Status = ShipperStatus.Offline,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Identity told us again (a replayed or updated registration): the vehicle may have changed.</summary>
    public void UpdateRegistration(string fullName, VehicleType vehicle, string plateNumber, DateTimeOffset now)
    {
        FullName = fullName.Trim();
        VehicleType = vehicle;
        PlateNumber = plateNumber.Trim();
        Capacity = CapacityOf(vehicle);
        UpdatedAt = now;
    }

    /// <summary>OFFLINE or AVAILABLE; BUSY is never set; going offline needs the shipper's hands free.</summary>
    public Result SetStatus(ShipperStatus status, DateTimeOffset now)
    {
        if (status == ShipperStatus.Busy)
            return ShipmentErrors.InvalidStatus;
        if (status == ShipperStatus.Available && Suspended)
            return ShipmentErrors.ShipperSuspended;
        if (status == ShipperStatus.Offline && ActiveShipments > 0)
            return ShipmentErrors.HasActiveShipments;
        Status = status;
        UpdatedAt = now;
        return Result.Success;
    }

    /// <summary>
    /// Identity suspended the shipper: off duty at once, even with parcels on hand, so nothing new is offered or
    /// assigned to them; the shipments they already accepted stay theirs to finish (the buyers are waiting for those
    /// parcels, and handing them over mid-trip is the shop's and the admins' call). Answers false, changing nothing,
    /// when a later decision about the shipper was applied already.
    /// </summary>
    public bool Suspend(DateTimeOffset decidedAt, DateTimeOffset now)
    {
        if (!Decide(decidedAt))
            return false;
        Suspended = true;
        Status = ShipperStatus.Offline;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Identity lifted the suspension: the shipper may go AVAILABLE again (they stay OFFLINE until they do).</summary>
    public bool Reinstate(DateTimeOffset decidedAt, DateTimeOffset now)
    {
        if (!Decide(decidedAt))
            return false;
        Suspended = false;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Checks that a shipment may be offered to or taken by this shipper now.</summary>
    public Result CanTake()
    {
        if (Status != ShipperStatus.Available)
            return ShipmentErrors.ShipperOffline;
        return HasFreeSlot ? Result.Success : ShipmentErrors.AtCapacity;
    }

    /// <summary>Takes one slot for a shipment (the caller holds the shipper's row lock).</summary>
    public Result Take(DateTimeOffset now)
    {
        var can = CanTake();
        if (!can.Succeeded)
            return can;
        ActiveShipments++;
        UpdatedAt = now;
        return Result.Success;
    }

    /// <summary>Frees the slot of a shipment that ended, counting how it ended.</summary>
    public void Release(ShipmentStatus outcome, DateTimeOffset now)
    {
        ActiveShipments = Math.Max(0, ActiveShipments - 1);
        switch (outcome)
        {
            case ShipmentStatus.Delivered:
                DeliveredCount++;
                break;
            case ShipmentStatus.ReturnedToShop:
                ReturnedCount++;
                break;
        }
        UpdatedAt = now;
    }

    public void CountFailedAttempt(DateTimeOffset now)
    {
        FailedCount++;
        UpdatedAt = now;
    }

    /// <summary>
    /// Takes a reported position: trusted unless reaching it from the last trusted one would need more than
    /// <paramref name="maxSpeedKmh"/> (then the shipper's position stays where it was).
    /// </summary>
    public LocationCheck ReportLocation(GeoPoint position, DateTimeOffset at, double maxSpeedKmh)
    {
        double? speed = null;
        if (Position is { } last && LocationAt is { } lastAt)
        {
            var km = last.DistanceKmTo(position);
            var hours = Math.Max((at - lastAt).TotalHours, 0);
            // A few metres of GPS jitter within the same instant is no jump.
            speed = hours > 0 ? km / hours : km <= 0.05 ? 0 : double.PositiveInfinity;
            if (speed > maxSpeedKmh)
                return new LocationCheck(false, speed);
        }
        Location = Shipment.PointOf(position);
        LocationAt = at;
        UpdatedAt = at;
        return new LocationCheck(true, speed);
    }

    private bool Decide(DateTimeOffset decidedAt)
    {
        if (StandingDecidedAt >= decidedAt)
            return false;
        StandingDecidedAt = decidedAt;
        return true;
    }
}
