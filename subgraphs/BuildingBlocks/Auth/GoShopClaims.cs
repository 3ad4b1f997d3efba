namespace GoShop.BuildingBlocks.Auth;

/// <summary>Claim names in GoShop access tokens (registered JWT names; no Microsoft claim-type URIs).</summary>
public static class GoShopClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Name = "name";
    public const string Role = "role";
    public const string SessionId = "sid";
    public const string TokenId = "jti";
}
