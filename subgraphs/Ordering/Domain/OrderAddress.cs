namespace GoShop.Ordering.Domain;

/// <summary>Where an order goes: the buyer's address as it was when the order was placed (later edits do not move it).</summary>
public sealed record OrderAddress(
    string RecipientName,
    string Phone,
    string Line1,
    string? Line2,
    string? Ward,
    string District,
    string City,
    string Country,
    string? PostalCode,
    double? Latitude,
    double? Longitude);
