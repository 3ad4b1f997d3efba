using GoShop.BuildingBlocks.Domain;
using GoShop.Identity.Domain;

namespace GoShop.Identity.Addresses;

/// <summary>What updateAddress asks to change: null leaves a field as it is (an empty text removes an optional one).</summary>
public sealed record AddressChanges(
    string? RecipientName,
    string? Phone,
    string? Line1,
    string? Line2,
    string? Ward,
    string? District,
    string? City,
    string? Country,
    string? PostalCode,
    GeoPoint? Location)
{
    /// <summary>The address's details as they will be once the changes are made.</summary>
    public AddressDetails ApplyTo(Address existing) => new(
        RecipientName ?? existing.RecipientName,
        Phone ?? existing.Phone,
        Line1 ?? existing.Line1,
        Line2 ?? existing.Line2,
        Ward ?? existing.Ward,
        District ?? existing.District,
        City ?? existing.City,
        Country ?? existing.Country,
        PostalCode ?? existing.PostalCode,
        Location ?? existing.Location);
}
