using NetTopologySuite.Geometries;

namespace GoShop.Catalog.Domain;

/// <summary>
/// Catalog's copy of a shop, kept from the shops subgraph's ShopCreated/ShopUpdated events: who owns it (who may
/// change its products), whether it is ACTIVE, and where it is (for "products near me").
/// </summary>
public sealed class ShopCopy
{
    public const string Active = "ACTIVE";

    private ShopCopy()
    {
    }

    public Guid Id { get; private set; }

    public Guid OwnerId { get; private set; }

    public string Name { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public string Status { get; private set; } = "";

    /// <summary>A WGS-84 point (x = longitude, y = latitude), stored as geography.</summary>
    public Point Location { get; private set; } = null!;

    /// <summary>When the shops subgraph produced the state held here; older events are ignored.</summary>
    public DateTimeOffset AsOf { get; private set; }

    public bool IsActive => Status == Active;

    public static ShopCopy Create(Guid id) => new() { Id = id, AsOf = DateTimeOffset.MinValue };

    /// <summary>Takes the state of an event unless a newer one was applied already; answers whether it did.</summary>
    public bool Apply(Guid ownerId, string name, string slug, string status, double latitude, double longitude, DateTimeOffset asOf)
    {
        if (asOf < AsOf)
            return false;
        OwnerId = ownerId;
        Name = name;
        Slug = slug;
        Status = status;
        Location = new Point(longitude, latitude) { SRID = 4326 };
        AsOf = asOf;
        return true;
    }
}
