using GoShop.BuildingBlocks.Domain;
using GoShop.Shops.Domain;

namespace GoShop.Shops.Registry;

/// <summary>
/// What updateShop asks to change: null leaves a field as it is (an empty text removes an optional one), and the remove
/// flags win over a new picture. Categories come already folded to slugs.
/// </summary>
public sealed record ShopChanges(
    string? Name,
    string? Description,
    string? Address,
    string? City,
    GeoPoint? Location,
    string? Phone,
    string? Email,
    Guid? LogoMediaId,
    Guid? BannerMediaId,
    bool RemoveLogo,
    bool RemoveBanner,
    IReadOnlyList<string>? Categories)
{
    /// <summary>The shop's profile as it will be once the changes are made.</summary>
    public ShopProfile ApplyTo(Shop shop) => new(
        Name ?? shop.Name,
        Description ?? shop.Description,
        Address ?? shop.Address,
        City ?? shop.City,
        Location ?? shop.Position,
        Phone ?? shop.Phone,
        Email ?? shop.Email,
        RemoveLogo ? null : LogoMediaId ?? shop.LogoMediaId,
        RemoveBanner ? null : BannerMediaId ?? shop.BannerMediaId,
        Categories ?? shop.Categories);
}
