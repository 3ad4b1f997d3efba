using System.Security.Claims;
using System.Security.Cryptography;
using GoShop.BuildingBlocks.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GoShop.Testing;

/// <summary>
/// Stands in for the identity subgraph in another subgraph's tests: signs ES256 access tokens as identity does, with a
/// key of its own, and, registered as the host's <see cref="IAccessTokenKeys"/>, makes that subgraph trust the key.
/// </summary>
public sealed class TestTokens : IAccessTokenKeys, IDisposable
{
    private static readonly JsonWebTokenHandler Handler = new();

    private readonly ECDsa _ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsaSecurityKey _key;

    private readonly TimeProvider? _clock;

    /// <param name="keyIdPrefix">Names the key in failure messages.</param>
    /// <param name="clock">
    /// A movable test clock the subgraph validates with: tokens of the default lifetime are then valid for a day by both
    /// that clock and the wall clock, whichever the validator reads.
    /// </param>
    public TestTokens(string keyIdPrefix = "test", TimeProvider? clock = null)
    {
        _key = new ECDsaSecurityKey(_ecdsa) { KeyId = keyIdPrefix + "-" + Guid.NewGuid().ToString("N")[..8] };
        _clock = clock;
    }

    public IEnumerable<SecurityKey> ValidationKeys(string? keyId) => keyId == _key.KeyId ? [_key] : [];

    /// <summary>An access token as identity issues it: sub, role, jti, sid, iss goshop-identity, aud goshop-api.</summary>
    public string Issue(Guid userId, IEnumerable<string> roles, string? tokenId = null, Guid? sessionId = null, TimeSpan? lifetime = null,
        string audience = "goshop-api", SecurityKey? signingKey = null)
    {
        var now = DateTime.UtcNow;
        var claims = new List<Claim>
        {
            new(GoShopClaims.Subject, userId.ToString()),
            new(GoShopClaims.TokenId, tokenId ?? Guid.NewGuid().ToString("N")),
            new(GoShopClaims.SessionId, (sessionId ?? Guid.NewGuid()).ToString()),
        };
        claims.AddRange(roles.Select(role => new Claim(GoShopClaims.Role, role)));
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(15));
        var notBefore = expires < now ? expires.AddMinutes(-1) : now;
        if (_clock is not null && lifetime is null)
        {
            var test = _clock.GetUtcNow().UtcDateTime;
            notBefore = (now < test ? now : test).AddMinutes(-5);
            expires = (now > test ? now : test).AddDays(1);
        }
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "goshop-identity",
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(signingKey ?? _key, SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary>A key nobody trusts, with the trusted key's id: what a forger would sign with.</summary>
    public SecurityKey ForgedKey() => new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = _key.KeyId };

    public void Dispose() => _ecdsa.Dispose();
}
