using Microsoft.IdentityModel.Tokens;

namespace GoShop.BuildingBlocks.Auth;

/// <summary>
/// Validation keys known locally. The identity subgraph, which signs tokens, registers one so it trusts its own
/// keys without fetching its own JWKS; every other subgraph reads identity's JWKS over HTTP.
/// </summary>
public interface IAccessTokenKeys
{
    IEnumerable<SecurityKey> ValidationKeys(string? keyId);
}
