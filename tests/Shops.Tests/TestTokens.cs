using System.Security.Claims;
using System.Security.Cryptography;
using GoShop.BuildingBlocks.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GoShop.Shops.Tests;

/// <summary>
/// Stands in for the identity subgraph, which signs access tokens: signs ES256 tokens with a key of its own and,
/// registered as the host's <see cref="IAccessTokenKeys"/>, makes the shops subgraph trust that key.
/// </summary>
public sealed class TestTokens : IAccessTokenKeys, IDisposable
{
    private static readonly JsonWebTokenHandler Handler = new();

    private readonly ECDsa _ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsaSecurityKey _key;

    public TestTokens() => _key = new ECDsaSecurityKey(_ecdsa) { KeyId = "shops-test-" + Guid.NewGuid().ToString("N")[..8] };

    public IEnumerable<SecurityKey> ValidationKeys(string? keyId) => keyId == _key.KeyId ? [_key] : [];

    /// <summary>An access token as identity issues it: sub, role, jti, sid, iss goshop-identity, aud goshop-api.</summary>
    public string Issue(Guid userId, IEnumerable<string> roles)
    {
        var now = DateTime.UtcNow;
        var claims = new List<Claim>
        {
            new(GoShopClaims.Subject, userId.ToString()),
            new(GoShopClaims.TokenId, Guid.NewGuid().ToString("N")),
            new(GoShopClaims.SessionId, Guid.NewGuid().ToString()),
        };
        claims.AddRange(roles.Select(role => new Claim(GoShopClaims.Role, role)));
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "goshop-identity",
            Audience = "goshop-api",
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(15),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.EcdsaSha256),
        });
    }

    public void Dispose() => _ecdsa.Dispose();
}
