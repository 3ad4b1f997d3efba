namespace GoShop.Identity.Domain;

/// <summary>What a shipper delivers with; shipping derives capacity from it.</summary>
public enum VehicleType
{
    Motorbike,
    Car,
    Van,
    Bicycle,
}
