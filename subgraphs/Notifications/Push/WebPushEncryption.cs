using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GoShop.Notifications.Push;

/// <summary>
/// Message encryption for Web Push (RFC 8291) in the aes128gcm content coding (RFC 8188): an ephemeral P-256 key agreed
/// with the browser's key, mixed with the browser's auth secret, keys one AES-128-GCM record. The result is the request
/// body: salt, record size, the ephemeral public key, then the ciphertext.
/// </summary>
public static class WebPushEncryption
{
    private const int RecordSize = 4096;
    private const int TagLength = 16;

    /// <summary>Encrypts with a fresh ephemeral key and salt, as every real push must.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, byte[] userAgentPublicKey, byte[] authSecret)
    {
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        return Encrypt(plaintext, userAgentPublicKey, authSecret, ephemeral, RandomNumberGenerator.GetBytes(16));
    }

    /// <summary>Encrypts with the given application-server key pair and salt (the RFC's example fixes both).</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, byte[] userAgentPublicKey, byte[] authSecret, ECDiffieHellman applicationServerKey, byte[] salt)
    {
        if (plaintext.Length + 1 + TagLength > RecordSize)
            throw new ArgumentException($"A push message holds at most {RecordSize - 1 - TagLength} bytes.", nameof(plaintext));
        using var userAgent = PublicKey(userAgentPublicKey);
        var sharedSecret = applicationServerKey.DeriveRawSecretAgreement(userAgent.PublicKey);
        var applicationServerPublicKey = Uncompressed(applicationServerKey.ExportParameters(false).Q);

        // RFC 8291 §3.4: the input keying material mixes in the auth secret and both public keys.
        var keyInfo = Concat(Encoding.ASCII.GetBytes("WebPush: info\0"), userAgentPublicKey, applicationServerPublicKey);
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, sharedSecret, 32, authSecret, keyInfo);
        // RFC 8188 §2.2 and §2.3.
        var contentKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 16, salt, Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0"));
        var nonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 12, salt, Encoding.ASCII.GetBytes("Content-Encoding: nonce\0"));

        // One record, the last: the plaintext followed by the 0x02 delimiter, no padding.
        var padded = new byte[plaintext.Length + 1];
        plaintext.CopyTo(padded);
        padded[^1] = 0x02;
        var ciphertext = new byte[padded.Length];
        var tag = new byte[TagLength];
        using (var aes = new AesGcm(contentKey, TagLength))
            aes.Encrypt(nonce, padded, ciphertext, tag);

        var header = new byte[16 + 4 + 1];
        salt.CopyTo(header, 0);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(16), RecordSize);
        header[20] = (byte)applicationServerPublicKey.Length;
        return Concat(header, applicationServerPublicKey, ciphertext, tag);
    }

    /// <summary>
    /// Whether bytes are a P-256 public key as browsers give it (the subscription's p256dh): 65 bytes, uncompressed, and a
    /// point on the curve.
    /// </summary>
    public static bool IsValidPublicKey(byte[] key)
    {
        if (key.Length != 65 || key[0] != 0x04)
            return false;
        try
        {
            using var imported = PublicKey(key);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public static byte[] Uncompressed(ECPoint point) => Concat([0x04], point.X!, point.Y!);

    private static ECDiffieHellman PublicKey(byte[] uncompressed) => ECDiffieHellman.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = uncompressed[1..33], Y = uncompressed[33..65] },
    });

    private static byte[] Concat(params byte[][] parts)
    {
        var result = new byte[parts.Sum(p => p.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, offset);
            offset += part.Length;
        }
        return result;
    }
}
