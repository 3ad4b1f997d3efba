using GoShop.BuildingBlocks.Domain;

namespace GoShop.Identity.Domain;

/// <summary>A shipping address of a user. Whether it is the default is the user's business (see <see cref="User"/>).</summary>
public sealed class Address
{
    private Address()
    {
    }

    internal Address(Guid userId, AddressDetails details, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        CreatedAt = now;
        Apply(details, now);
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string RecipientName { get; private set; } = "";

    public string Phone { get; private set; } = "";

    public string Line1 { get; private set; } = "";

    public string? Line2 { get; private set; }

    public string? Ward { get; private set; }

    public string District { get; private set; } = "";

    public string City { get; private set; } = "";

    /// <summary>ISO 3166-1 alpha-2 code, upper case (e.g. VN).</summary>
    public string Country { get; private set; } = "";

    public string? PostalCode { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public GeoPoint? Location => Latitude is { } lat && Longitude is { } lng ? new GeoPoint(lat, lng) : null;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    internal void Apply(AddressDetails details, DateTimeOffset now)
    {
        RecipientName = details.RecipientName.Trim();
        Phone = details.Phone.Trim();
        Line1 = details.Line1.Trim();
        Line2 = Blank(details.Line2);
        Ward = Blank(details.Ward);
        District = details.District.Trim();
        City = details.City.Trim();
        Country = details.Country.Trim().ToUpperInvariant();
        PostalCode = Blank(details.PostalCode);
        Latitude = details.Location?.Lat;
        Longitude = details.Location?.Lng;
        UpdatedAt = now;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
