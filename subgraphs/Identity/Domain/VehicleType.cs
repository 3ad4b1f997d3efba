using System.ComponentModel;

namespace GoShop.Identity.Domain;

/// <summary>What a shipper delivers with; shipping derives capacity from it.</summary>
public enum VehicleType
{
    [Description("A motorbike or scooter.")]
    Motorbike,

    [Description("A car.")]
    Car,

    [Description("A van, for bulky or heavy parcels.")]
    Van,

    [Description("A bicycle, for short trips.")]
    Bicycle,
}
