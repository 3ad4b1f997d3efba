namespace GoShop.Catalog;

/// <summary>Configuration section <c>Catalog</c>.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>How often expired reservations are released.</summary>
    public int ReservationSweepSeconds { get; set; } = 15;
}
