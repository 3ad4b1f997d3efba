namespace GoShop.Shipping.Quotes;

/// <summary>
/// Configuration section <c>Shipping:Quotes</c>: the one rule every parcel's fee follows (ordering charges what it
/// quotes). Amounts are in đồng; the defaults keep the rule ordering used before (15,000 đ, 500 đ per kilometre as the
/// crow flies — 400 đ per road kilometre at the road factor 1.25 —, 2,500 đ per started 500 g over the first kilogram)
/// with base and distance together capped at 150,000 đ and the weight charged on top, and add the method, remote-area and
/// cash-on-delivery parts.
/// </summary>
public sealed class ShippingQuoteOptions
{
    public const string Section = "Shipping:Quotes";

    public string Currency { get; set; } = "VND";

    /// <summary>What every parcel costs, however near and light.</summary>
    public decimal BaseFee { get; set; } = 15_000m;

    /// <summary>What each road kilometre adds.</summary>
    public decimal PerKm { get; set; } = 400m;

    /// <summary>Road distance ÷ great-circle distance: roads are longer than the crow flies.</summary>
    public double RoadFactor { get; set; } = 1.25;

    /// <summary>The weight the base fee covers.</summary>
    public int IncludedWeightGrams { get; set; } = 1_000;

    /// <summary>What each started 500 g above <see cref="IncludedWeightGrams"/> adds, up to <see cref="HeavyFromGrams"/>.</summary>
    public decimal PerHalfKg { get; set; } = 2_500m;

    /// <summary>Where the heavy tier starts: each started 500 g above it costs <see cref="HeavyPerHalfKg"/>.</summary>
    public int HeavyFromGrams { get; set; } = 10_000;

    public decimal HeavyPerHalfKg { get; set; } = 4_000m;

    /// <summary>The road distance charged when the destination could not be located (not even by geocoding its address).</summary>
    public double AssumedDistanceKm { get; set; } = 12.5;

    /// <summary>The heaviest parcel accepted (chargeable weight).</summary>
    public int MaxWeightGrams { get; set; } = 50_000;

    /// <summary>Length × width × height in cm ÷ this = volumetric kilograms; the heavier of real and volumetric weight is charged.</summary>
    public int VolumetricDivisor { get; set; } = 6_000;

    /// <summary>
    /// The most the base fee and the distance together cost (0: no ceiling), as a carrier's farthest zone does. The
    /// weight steps are charged on top of it at every distance, the method's multiplier applies to both, and surcharges
    /// are added after it.
    /// </summary>
    public decimal MaxDistanceFee { get; set; } = 150_000m;

    /// <summary>
    /// Remote areas: a destination farther than <see cref="RemoteAreaKm"/> (great circle) from every hub — the gazetteer's
    /// points of the provinces listed in <see cref="RemoteAreaHubs"/> (GSO codes; Hà Nội, Đà Nẵng, Hồ Chí Minh City) —
    /// costs <see cref="RemoteAreaSurcharge"/> more.
    /// </summary>
    public double RemoteAreaKm { get; set; } = 200;

    public List<string> RemoteAreaHubs { get; set; } = ["01", "48", "79"];

    public decimal RemoteAreaSurcharge { get; set; } = 10_000m;

    /// <summary>Cash on delivery: this share of the cash to collect, at least <see cref="CodMinSurcharge"/>.</summary>
    public decimal CodRate { get; set; } = 0.005m;

    public decimal CodMinSurcharge { get; set; } = 5_000m;

    public ShippingMethodRule Standard { get; set; } = new() { Multiplier = 1.0m, HandlingMinutes = 240, SpeedKmh = 20 };

    public ShippingMethodRule Express { get; set; } = new() { Multiplier = 1.4m, HandlingMinutes = 60, SpeedKmh = 30 };

    public ShippingMethodRule SameDay { get; set; } = new() { Multiplier = 1.8m, HandlingMinutes = 30, SpeedKmh = 25, MaxDistanceKm = 40 };

    public ShippingMethodRule Rule(ShippingMethod method) => method switch
    {
        ShippingMethod.Express => Express,
        ShippingMethod.SameDay => SameDay,
        _ => Standard,
    };
}

/// <summary>How a shipping method prices and how fast it goes.</summary>
public sealed class ShippingMethodRule
{
    /// <summary>The transport part (base, distance, weight, after the ceiling) is multiplied by this.</summary>
    public decimal Multiplier { get; set; } = 1m;

    /// <summary>Time from the order to the parcel leaving with a shipper (pickup, sorting).</summary>
    public int HandlingMinutes { get; set; }

    /// <summary>Average speed on the road, stops included.</summary>
    public double SpeedKmh { get; set; } = 20;

    /// <summary>The longest road distance the method serves (0: any).</summary>
    public double MaxDistanceKm { get; set; }
}

/// <summary>STANDARD, EXPRESS or SAME_DAY.</summary>
public enum ShippingMethod
{
    [System.ComponentModel.Description("Delivery in the days after the order, at the base price.")]
    Standard,

    [System.ComponentModel.Description("Picked up first and driven directly, for a higher price.")]
    Express,

    [System.ComponentModel.Description("Delivered the same day, within a short road distance (shippingMethods tells how far), for a higher price.")]
    SameDay,
}
