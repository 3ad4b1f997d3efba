using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GoShop.PaymentGateways.Support;

namespace GoShop.PaymentGateways.PayPal;

/// <summary>
/// PayPal's webhook signature (verified locally, as PayPal documents it): the transmission headers, and a
/// SHA256withRSA signature over <c>{transmissionId}|{transmissionTime}|{webhookId}|{crc32(raw body) as decimal}</c>
/// checked with the public key of the certificate at PAYPAL-CERT-URL.
/// </summary>
public static class PayPalSignature
{
    public const string TransmissionId = "PAYPAL-TRANSMISSION-ID";
    public const string TransmissionTime = "PAYPAL-TRANSMISSION-TIME";
    public const string TransmissionSig = "PAYPAL-TRANSMISSION-SIG";
    public const string CertUrl = "PAYPAL-CERT-URL";
    public const string AuthAlgo = "PAYPAL-AUTH-ALGO";
    public const string Algorithm = "SHA256withRSA";

    public static string SignedString(string transmissionId, string transmissionTime, string webhookId, ReadOnlySpan<byte> body) =>
        $"{transmissionId}|{transmissionTime}|{webhookId}|{Crc32.Compute(body).ToString(CultureInfo.InvariantCulture)}";

    public static bool IsValid(X509Certificate2 certificate, string signedString, byte[] signature)
    {
        using var rsa = certificate.GetRSAPublicKey();
        return rsa is not null && rsa.VerifyData(Encoding.UTF8.GetBytes(signedString), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public static string Sign(RSA key, string signedString) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(signedString), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
}
