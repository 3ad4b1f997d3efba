using GoShop.BuildingBlocks.Domain;

namespace GoShop.Shops.Domain;

/// <summary>What a seller says about a shop: everything but its identity, owner, slug and status. Already validated.</summary>
public sealed record ShopProfile(
    string Name,
    string? Description,
    string Address,
    string? City,
    GeoPoint Location,
    string? Phone,
    string? Email,
    Guid? LogoMediaId,
    Guid? BannerMediaId,
    IReadOnlyList<string> Categories);
