using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace GoShop.Identity.Security;

/// <summary>
/// A P-256 key that signs access tokens (ES256). Stored in identity's database so every instance signs with the
/// same keys and a restart logs nobody out. A key signs until <see cref="RetiresAt"/> and stays in the JWKS until
/// <see cref="ExpiresAt"/>, so tokens it signed remain verifiable for their whole life.
/// </summary>
public sealed class SigningKey
{
    private SigningKey()
    {
    }

    public string Id { get; private set; } = "";

    public string Algorithm { get; private set; } = SecurityAlgorithms.EcdsaSha256;

    /// <summary>PKCS#8 private key.</summary>
    public byte[] PrivateKey { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset RetiresAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static SigningKey Create(DateTimeOffset now, TimeSpan signingPeriod, TimeSpan verificationGrace)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new SigningKey
        {
            Id = Guid.CreateVersion7().ToString("N"),
            PrivateKey = ecdsa.ExportPkcs8PrivateKey(),
            CreatedAt = now,
            RetiresAt = now + signingPeriod,
            ExpiresAt = now + signingPeriod + verificationGrace,
        };
    }

    /// <summary>The key material for signing (private) or verifying and publishing (public only).</summary>
    public ECDsaSecurityKey ToSecurityKey(bool includePrivate)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(PrivateKey, out _);
        if (!includePrivate)
        {
            var publicOnly = ECDsa.Create(ecdsa.ExportParameters(includePrivateParameters: false));
            ecdsa.Dispose();
            ecdsa = publicOnly;
        }
        return new ECDsaSecurityKey(ecdsa) { KeyId = Id };
    }
}
