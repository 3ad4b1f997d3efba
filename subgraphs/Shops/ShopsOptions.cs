namespace GoShop.Shops;

/// <summary>Configuration section <c>Shops</c>.</summary>
public sealed class ShopsOptions
{
    public const string Section = "Shops";

    /// <summary>How many shops one person may run at a time (closed shops do not count).</summary>
    public int MaxOpenShopsPerOwner { get; set; } = 5;

    /// <summary>The largest radius <c>shopsNear</c> searches, in kilometres.</summary>
    public double MaxNearbyRadiusKm { get; set; } = 100;
}
