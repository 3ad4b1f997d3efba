namespace GoShop.BuildingBlocks.Auth;

/// <summary>The roles of the marketplace, as they appear in access tokens and in the API.</summary>
public static class Roles
{
    public const string Buyer = "BUYER";
    public const string Seller = "SELLER";
    public const string Shipper = "SHIPPER";
    public const string Admin = "ADMIN";

    public static IReadOnlyList<string> All { get; } = [Buyer, Seller, Shipper, Admin];
}
