namespace GoShop.BuildingBlocks.Auth;

/// <summary>How subgraphs validate access tokens (configuration section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The <c>iss</c> claim identity puts in tokens and every subgraph requires.</summary>
    public string Issuer { get; set; } = "goshop-identity";

    /// <summary>The <c>aud</c> claim of tokens meant for the GoShop API.</summary>
    public string Audience { get; set; } = "goshop-api";

    /// <summary>Base URL of the identity subgraph; its OpenID discovery document names the JWKS to trust.</summary>
    public string Authority { get; set; } = "http://127.0.0.1:8001";

    /// <summary>Refuse a discovery document over plain HTTP (leave off for loopback development).</summary>
    public bool RequireHttpsMetadata { get; set; }

    public int ClockSkewSeconds { get; set; } = 30;
}
