using System.Security.Claims;
using GoShop.BuildingBlocks.Auth;
using GoShop.Identity.Domain;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GoShop.Identity.Security;

/// <summary>A signed access token, its id (<c>jti</c>) and when it expires.</summary>
public sealed record AccessToken(string Token, string TokenId, DateTimeOffset ExpiresAt);

/// <summary>Signs short-lived ES256 access tokens that every subgraph validates against identity's JWKS.</summary>
public sealed class AccessTokenIssuer(
    SigningKeyStore keys,
    TimeProvider clock,
    IOptions<AuthOptions> auth,
    IOptions<IdentityOptions> options)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public AccessToken Issue(User user, Guid sessionId)
    {
        var now = clock.GetUtcNow();
        var expires = now + options.Value.AccessTokenLifetime;
        var tokenId = Guid.CreateVersion7().ToString("N");
        var claims = new List<Claim>
        {
            new(GoShopClaims.Subject, user.Id.ToString()),
            new(GoShopClaims.Email, user.Email),
            new(GoShopClaims.Name, user.FullName),
            new(GoShopClaims.SessionId, sessionId.ToString()),
            new(GoShopClaims.TokenId, tokenId),
        };
        claims.AddRange(user.Roles.Select(role => new Claim(GoShopClaims.Role, role)));
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Value.Issuer,
            Audience = auth.Value.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = keys.SigningCredentials,
        });
        return new AccessToken(token, tokenId, DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }
}
