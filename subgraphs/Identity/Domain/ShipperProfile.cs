namespace GoShop.Identity.Domain;

/// <summary>
/// Who a shipper is (shipping keeps what the shipper is doing). The national ID number is not kept: only its
/// last four digits, to show back, and a keyed hash, so one ID cannot register two shipper accounts.
/// </summary>
public sealed class ShipperProfile
{
    private ShipperProfile()
    {
    }

    internal ShipperProfile(VehicleType vehicleType, string plateNumber, string idNumberLast4, string idNumberHash, DateTimeOffset now)
    {
        VehicleType = vehicleType;
        PlateNumber = plateNumber;
        IdNumberLast4 = idNumberLast4;
        IdNumberHash = idNumberHash;
        RegisteredAt = now;
    }

    public VehicleType VehicleType { get; private set; }

    public string PlateNumber { get; private set; } = "";

    public string IdNumberLast4 { get; private set; } = "";

    public string IdNumberHash { get; private set; } = "";

    public DateTimeOffset RegisteredAt { get; private set; }
}
