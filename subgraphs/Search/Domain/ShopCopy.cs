namespace GoShop.Search.Domain;

/// <summary>What search keeps of a shop, from shops' events: its name (price comparison), status (only ACTIVE shops' products are found) and location (near me).</summary>
public sealed class ShopCopy
{
    public const string Active = "ACTIVE";

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Status { get; private set; } = "";

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    public DateTimeOffset AsOf { get; private set; }

    public bool IsActive => Status == Active;

    public static ShopCopy Create(Guid id) => new() { Id = id, AsOf = DateTimeOffset.MinValue };

    public bool Apply(string name, string status, double latitude, double longitude, DateTimeOffset asOf)
    {
        if (asOf < AsOf)
            return false;
        Name = name;
        Status = status;
        Latitude = latitude;
        Longitude = longitude;
        AsOf = asOf;
        return true;
    }
}
