using System.Security.Cryptography;
using System.Text;
using GoShop.Notifications.Push;
using Microsoft.AspNetCore.WebUtilities;

namespace GoShop.Notifications.Tests.Push;

/// <summary>
/// Web Push message encryption against RFC 8291's worked example (section 5, appendix A): with the example's keys and
/// salt the message must come out byte for byte as the RFC prints it.
/// </summary>
public sealed class WebPushEncryptionTests
{
    private const string Plaintext = "When I grow up, I want to be a watermelon";
    private const string AsPrivate = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private const string AsPublic = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private const string UaPrivate = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private const string UaPublic = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private const string Salt = "DGv6ra1nlYgDCS1FRnbzlw";
    private const string AuthSecret = "BTBZMqHH6r4Tts7J_aSIgg";
    private const string Message =
        "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    [Fact]
    public void The_rfc_8291_example_encrypts_byte_for_byte()
    {
        using var applicationServer = PrivateKey(AsPrivate);
        Assert.Equal(AsPublic, WebEncoders.Base64UrlEncode(WebPushEncryption.Uncompressed(applicationServer.ExportParameters(false).Q)));

        var body = WebPushEncryption.Encrypt(Encoding.UTF8.GetBytes(Plaintext), WebEncoders.Base64UrlDecode(UaPublic),
            WebEncoders.Base64UrlDecode(AuthSecret), applicationServer, WebEncoders.Base64UrlDecode(Salt));

        Assert.Equal(Message, WebEncoders.Base64UrlEncode(body));
    }

    [Fact]
    public void A_fresh_message_decrypts_with_the_browser_s_key_and_never_repeats()
    {
        using var browser = PrivateKey(UaPrivate);
        Assert.Equal(UaPublic, WebEncoders.Base64UrlEncode(WebPushEncryption.Uncompressed(browser.ExportParameters(false).Q)));

        var first = WebPushEncryption.Encrypt(Encoding.UTF8.GetBytes(Plaintext), WebEncoders.Base64UrlDecode(UaPublic), WebEncoders.Base64UrlDecode(AuthSecret));
        var second = WebPushEncryption.Encrypt(Encoding.UTF8.GetBytes(Plaintext), WebEncoders.Base64UrlDecode(UaPublic), WebEncoders.Base64UrlDecode(AuthSecret));

        Assert.NotEqual(first, second);
        Assert.Equal(Plaintext, Encoding.UTF8.GetString(PushDecryption.Decrypt(first, browser, WebEncoders.Base64UrlDecode(AuthSecret))));
        Assert.Equal(Plaintext, Encoding.UTF8.GetString(PushDecryption.Decrypt(WebEncoders.Base64UrlDecode(Message), browser, WebEncoders.Base64UrlDecode(AuthSecret))));
    }

    [Fact]
    public void Only_an_uncompressed_point_on_p256_is_a_browser_key()
    {
        var key = WebEncoders.Base64UrlDecode(UaPublic);
        var offCurve = (byte[])key.Clone();
        offCurve[^1] ^= 0x01;

        Assert.True(WebPushEncryption.IsValidPublicKey(key));
        Assert.False(WebPushEncryption.IsValidPublicKey(offCurve));
        Assert.False(WebPushEncryption.IsValidPublicKey(key[..64]));
        Assert.False(WebPushEncryption.IsValidPublicKey([0x02, .. key[1..33]]));
    }

    internal static ECDiffieHellman PrivateKey(string d)
    {
        using var seed = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = WebEncoders.Base64UrlDecode(d) });
        return ECDiffieHellman.Create(seed.ExportParameters(true));
    }
}

/// <summary>The browser's half of RFC 8291, written here only to read what the push service was sent.</summary>
internal static class PushDecryption
{
    public static byte[] Decrypt(byte[] body, ECDiffieHellman browser, byte[] authSecret)
    {
        var salt = body[..16];
        var keyLength = body[20];
        var serverKey = body[21..(21 + keyLength)];
        var ciphertext = body[(21 + keyLength)..];
        using var server = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = serverKey[1..33], Y = serverKey[33..65] },
        });
        var shared = browser.DeriveRawSecretAgreement(server.PublicKey);
        var browserKey = WebPushEncryption.Uncompressed(browser.ExportParameters(false).Q);
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, authSecret, [.. Encoding.ASCII.GetBytes("WebPush: info\0"), .. browserKey, .. serverKey]);
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 16, salt, Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0"));
        var nonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 12, salt, Encoding.ASCII.GetBytes("Content-Encoding: nonce\0"));
        var plain = new byte[ciphertext.Length - 16];
        using (var aes = new AesGcm(key, 16))
            aes.Decrypt(nonce, ciphertext[..^16], ciphertext[^16..], plain);
        Assert.Equal(0x02, plain[^1]);
        return plain[..^1];
    }
}
