namespace GoShop.Shipping;

/// <summary>Shipping's settings (section <c>Shipping</c>).</summary>
public sealed class ShippingOptions
{
    public const string Section = "Shipping";

    public AssignmentOptions Assignment { get; set; } = new();

    public TrackingOptions Tracking { get; set; } = new();
}

/// <summary>How shipments find shippers (<c>Shipping:Assignment</c>).</summary>
public sealed class AssignmentOptions
{
    /// <summary>How far from the shop a shipper may be to be offered its parcels.</summary>
    public double RadiusKm { get; set; } = 5;

    /// <summary>How long a shipper has to accept or decline an offer before it goes to the next one.</summary>
    public TimeSpan OfferTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often expired offers move on and waiting shipments are offered again; zero turns the sweeper off.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Shippers within this many km of each other count as equally near: the one with fewer deliveries goes first.</summary>
    public double EquallyNearKm { get; set; } = 1;
}

/// <summary>Live tracking (<c>Shipping:Tracking</c>).</summary>
public sealed class TrackingOptions
{
    /// <summary>A reported position that would need more than this speed from the last one is flagged, not trusted.</summary>
    public double MaxSpeedKmh { get; set; } = 150;

    /// <summary>Location reports a shipper may send per <see cref="ReportWindow"/> (a window starts with its first report).</summary>
    public int ReportsPerWindow { get; set; } = 5;

    public TimeSpan ReportWindow { get; set; } = TimeSpan.FromSeconds(1);
}
