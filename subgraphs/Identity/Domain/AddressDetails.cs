using GoShop.BuildingBlocks.Domain;

namespace GoShop.Identity.Domain;

/// <summary>The fields of a shipping address, already validated by the caller.</summary>
public sealed record AddressDetails(
    string RecipientName,
    string Phone,
    string Line1,
    string? Line2,
    string? Ward,
    string District,
    string City,
    string Country,
    string? PostalCode,
    GeoPoint? Location);
